package org.kapclinic.intake;

/** Treatment programs a clinic offers; the codes are used everywhere in the API. */
public enum Program {

	/**
	 * Ketamine-assisted psychotherapy (IM, sublingual or IV ketamine with a therapist).
	 */
	KAP("KAP_TREATMENT", "Ketamine-assisted psychotherapy"),
	/** Adjunctive IV ketamine infusions. */
	IV_INFUSION("IV_INFUSION_TREATMENT", "IV ketamine infusion"),
	/** Esketamine nasal spray under the Spravato REMS. */
	ESKETAMINE("ESKETAMINE_REMS_ENROLLMENT", "Esketamine nasal spray (REMS)");

	private final String consentDocument;

	private final String label;

	Program(String consentDocument, String label) {
		this.consentDocument = consentDocument;
		this.label = label;
	}

	/** What people read (the API keeps the code). */
	public String label() {
		return this.label;
	}

	/** The label of a stored program code; an unknown one as it is. */
	public static String labelOf(String code) {
		try {
			return valueOf(code).label();
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return (code == null) ? "" : code;
		}
	}

	/** The consent document a patient must have signed for this program. */
	public String consentDocument() {
		return this.consentDocument;
	}

}
