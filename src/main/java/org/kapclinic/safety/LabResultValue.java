package org.kapclinic.safety;

/** A qualitative test's result (API codes, with the words staff read). */
public enum LabResultValue {

	POSITIVE("Positive"), NEGATIVE("Negative");

	private final String label;

	LabResultValue(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** The result of a code, or null when it is none. */
	static LabResultValue parse(String code) {
		for (LabResultValue value : values()) {
			if (value.name().equals(code)) {
				return value;
			}
		}
		return null;
	}

}
