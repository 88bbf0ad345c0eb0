package org.kapclinic.audit;

/**
 * Which kind of patient data an entry touched (E2147-18 7.1.9). Specially protected
 * categories (psychotherapy notes, SUD records) get their own value when those records
 * exist.
 */
public enum DataCategory {

	DEMOGRAPHICS("Demographics"), CLINICAL("Clinical"), CARE_TEAM("Care team"), SECURITY("Security"),
	ADMINISTRATION("Administration"),

	/**
	 * The controlled-substance ledger: receipts, draws, waste, counts, corrections (DEA
	 * records, 21 CFR 1304; issue 16 finding 5).
	 */
	CONTROLLED_SUBSTANCE("Controlled substance"),

	/** Private process notes (HIPAA 45 CFR 164.501 psychotherapy notes), kept apart. */
	PSYCHOTHERAPY_NOTE("Psychotherapy note");

	private final String label;

	DataCategory(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
