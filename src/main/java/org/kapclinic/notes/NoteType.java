package org.kapclinic.notes;

/** Note types (API codes, a public contract; the label is what clinicians read). */
enum NoteType {

	INTAKE_ASSESSMENT("Intake assessment"), PREPARATION("Preparation"), DOSING_SESSION("Dosing session"),
	INTEGRATION("Integration"), PROGRESS_SOAP("Progress note (SOAP)"), PROGRESS_DAP("Progress note (DAP)"),
	DISCHARGE_SUMMARY("Discharge summary"), GROUP("Group circle"), MAINTENANCE_REVIEW("Maintenance review");

	private final String label;

	NoteType(String label) {
		this.label = label;
	}

	/**
	 * Started from the chart's "New note" list: a group note starts from its circle
	 * instead, a maintenance review from the chart's maintenance review (which writes and
	 * signs it, {@link ModuleNotes}).
	 */
	public boolean startedFromChart() {
		return this != GROUP && this != MAINTENANCE_REVIEW;
	}

	/** What the chart's list offers first: KAP's most frequent note. */
	public boolean chartDefault() {
		return this == INTEGRATION;
	}

	public String label() {
		return this.label;
	}

}
