package org.kapclinic.notes;

/** Note types (API codes, a public contract; the label is what clinicians read). */
public enum NoteType {

	INTAKE_ASSESSMENT("Intake assessment"), PREPARATION("Preparation"), DOSING_SESSION("Dosing session"),
	INTEGRATION("Integration"), PROGRESS_SOAP("Progress note (SOAP)"), PROGRESS_DAP("Progress note (DAP)"),
	DISCHARGE_SUMMARY("Discharge summary"), GROUP("Group circle");

	private final String label;

	NoteType(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
