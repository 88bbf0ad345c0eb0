package org.kapclinic.safety;

/**
 * The misuse and diversion signals the prescriber reads (issue 19; API codes, with the
 * words staff read). Signals, not findings: each asks the prescriber to look and talk
 * with the patient, and none is shown to the patient (ketamine is Schedule III with abuse
 * potential; the FDA's 2023 communication on compounded ketamine names misuse; ASA
 * guidance asks prescribers to be vigilant for diversion, clinical.md).
 */
public enum MisuseSignalKind {

	EARLY_SESSION_REQUEST("Asked for a session earlier than planned"),
	DOSE_ESCALATION_REQUEST("Asked for a higher dose"),
	MISSED_INTEGRATION("Missed an integration session while dosing went on"),
	POSITIVE_URINE_SCREEN("Positive urine drug screen"), PDMP_CONCERN("PDMP check raised a concern"),
	TAKE_HOME_DISCREPANCY("Take-home supply not accounted for");

	private final String label;

	MisuseSignalKind(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
