package org.kapclinic.safety;

/**
 * What a prescription drug monitoring program check showed (API codes, with the words
 * staff read). The software records that a check was done; it does not call a PDMP.
 */
public enum PdmpResult {

	NO_CONCERN("No concern"), CONCERN("Concern: overlapping or unexpected controlled prescriptions"),
	UNAVAILABLE("PDMP unavailable: check again");

	private final String label;

	PdmpResult(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
