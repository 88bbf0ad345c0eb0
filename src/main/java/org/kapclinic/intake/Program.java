package org.kapclinic.intake;

/** Treatment programs a clinic offers; the codes are used everywhere in the API. */
public enum Program {

	/**
	 * Ketamine-assisted psychotherapy (IM, sublingual or IV ketamine with a therapist).
	 */
	KAP("KAP_TREATMENT"),
	/** Adjunctive IV ketamine infusions. */
	IV_INFUSION("IV_INFUSION_TREATMENT"),
	/** Esketamine nasal spray under the Spravato REMS. */
	ESKETAMINE("ESKETAMINE_REMS_ENROLLMENT");

	private final String consentDocument;

	Program(String consentDocument) {
		this.consentDocument = consentDocument;
	}

	/** The consent document a patient must have signed for this program. */
	public String consentDocument() {
		return this.consentDocument;
	}

}
