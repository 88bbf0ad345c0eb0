package org.kapclinic.intake;

/** How strongly a finding speaks against treatment. */
enum Severity {

	/** Treatment must not go ahead: ELIGIBLE is impossible. */
	ABSOLUTE("Absolute"),
	/** Treatment may go ahead only with a written mitigation. */
	RELATIVE("Relative");

	private final String label;

	Severity(String label) {
		this.label = label;
	}

	/** What people read (the API keeps the code). */
	public String label() {
		return this.label;
	}

	/** Treatment must not go ahead. */
	public boolean absolute() {
		return this == ABSOLUTE;
	}

}
