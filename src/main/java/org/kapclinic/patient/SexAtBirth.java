package org.kapclinic.patient;

/** Sex assigned at birth (API codes; the label is what staff read). */
public enum SexAtBirth {

	FEMALE("Female"), MALE("Male"), INTERSEX("Intersex"), UNKNOWN("Unknown");

	private final String label;

	SexAtBirth(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
