package org.kapclinic.intake.consultation;

/** What a prospective patient wants help with (the clinic's condition list). */
enum Concern {

	DEPRESSION("Depression"), TREATMENT_RESISTANT_DEPRESSION("Depression that has not improved with treatment"),
	BIPOLAR_DEPRESSION("Bipolar depression"), PTSD("PTSD or trauma"), OCD("OCD"), ANXIETY("Anxiety"),
	SUICIDAL_THOUGHTS("Suicidal thoughts"), ALCOHOL_USE("Alcohol use"), CHRONIC_PAIN("Chronic pain"),
	FIBROMYALGIA("Fibromyalgia"), MIGRAINE("Migraine"), OTHER("Something else");

	private final String label;

	Concern(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/**
	 * A risk answer: choosing it shows the crisis notice at once and flags the request
	 * for same-day triage.
	 */
	public boolean risk() {
		return this == SUICIDAL_THOUGHTS;
	}

}
