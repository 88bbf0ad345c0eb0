package org.kapclinic.dosing;

import java.util.Set;

/**
 * A pre-dose checklist item a protocol may ask for. The codes are the API's and the
 * protocol files'; the label is what staff read (issue 14: no raw codes on pages).
 */
enum ChecklistItem {

	FASTING("Fasting as instructed"), RIDE_HOME("Ride home arranged"),
	PREGNANCY_TEST("Pregnancy test done or not applicable"),
	PRE_SESSION_MEASURES("Pre-session questionnaires completed"),
	INTERACTING_MEDICATIONS("Interacting medicines reviewed"), INTENTIONS_REVIEWED("Intentions reviewed"),
	/**
	 * Spravato PI §2: a nasal corticosteroid or decongestant needed on a dosing day is
	 * given at least 1 hour before the dose.
	 */
	NASAL_PREPARATION("Nose prepared (decongestant or steroid spray at least 1 h before)"),
	IV_ACCESS("IV access in place");

	private final String label;

	ChecklistItem(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	static Set<String> codes() {
		return Vocabulary.codes(ChecklistItem.class);
	}

	/** The label of a stored code; an unknown code is shown as it is. */
	public static String labelOf(String code) {
		return Vocabulary.label(ChecklistItem.class, code, ChecklistItem::label);
	}

}
