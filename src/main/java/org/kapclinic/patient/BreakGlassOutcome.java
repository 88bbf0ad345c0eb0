package org.kapclinic.patient;

/** What the review of an emergency access found. */
public enum BreakGlassOutcome {

	APPROPRIATE("Appropriate"), NOT_APPROPRIATE("Not appropriate: followed up");

	private final String label;

	BreakGlassOutcome(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** Whether the review found the access justified (shown green; otherwise red). */
	public boolean appropriate() {
		return this == APPROPRIATE;
	}

}
