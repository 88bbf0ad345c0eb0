package org.kapclinic.measures;

/**
 * How an instrument is coded for other systems: its LOINC panel and total-score codes
 * (clinical.md §4.3), either null where no LOINC term was verified, and its items' ids in
 * order (an administration's answers follow them).
 */
public record InstrumentCoding(String instrument, String name, String version, String panelLoinc, String totalLoinc,
		java.util.List<String> items) {
}
