package org.kapclinic.dosing;

import java.util.Set;

/** A criterion a protocol asks to be confirmed before the patient leaves. */
enum DischargeCriterion {

	VITALS_NEAR_BASELINE("Vital signs near baseline"), ALERT_ORIENTED("Alert and oriented"),
	ESCORT_PRESENT("An adult is here to take the patient home"), INSTRUCTIONS_GIVEN("Discharge instructions given"),
	CLINICALLY_STABLE("Clinically stable (prescriber's judgement)"), TOLERATING_FLUIDS("Tolerating fluids");

	private final String label;

	DischargeCriterion(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	static Set<String> codes() {
		return Vocabulary.codes(DischargeCriterion.class);
	}

	public static String labelOf(String code) {
		return Vocabulary.label(DischargeCriterion.class, code, DischargeCriterion::label);
	}

}
