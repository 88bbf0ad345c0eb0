package org.kapclinic.measures;

/**
 * How an instrument is coded for other systems: its LOINC panel and total-score codes
 * (clinical.md §4.3), either null where no LOINC term was verified, and its items' ids in
 * order (an administration's answers follow them).
 *
 * @param licence the instrument's licence or copyright note (clinical.md §4.4)
 * @param itemTexts each item's published wording, in the order of {@code items}, only for
 * instruments whose licence lets the text be shipped (answered as forms); null for
 * score-entry instruments, whose wording stays out of the product
 */
public record InstrumentCoding(String instrument, String name, String version, String panelLoinc, String totalLoinc,
		java.util.List<String> items, String licence, java.util.List<String> itemTexts) {
}
