package org.kapclinic.safety;

/** What a patient asked for against the plan (API codes, with the words staff read). */
public enum PatientRequestKind {

	EARLY_SESSION("A session earlier than planned", MisuseSignalKind.EARLY_SESSION_REQUEST),
	DOSE_ESCALATION("A higher dose", MisuseSignalKind.DOSE_ESCALATION_REQUEST);

	private final String label;

	private final MisuseSignalKind signal;

	PatientRequestKind(String label, MisuseSignalKind signal) {
		this.label = label;
		this.signal = signal;
	}

	public String label() {
		return this.label;
	}

	MisuseSignalKind signal() {
		return this.signal;
	}

}
