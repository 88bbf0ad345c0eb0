package org.kapclinic.billing;

/** A charge's life: proposed from the record, posted by billing staff, or voided. */
public enum ChargeStatus {

	PROPOSED("Proposed"), POSTED("Posted"), VOIDED("Voided");

	private final String label;

	ChargeStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
