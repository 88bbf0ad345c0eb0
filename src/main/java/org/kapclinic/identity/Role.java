package org.kapclinic.identity;

/** Staff roles. A user may hold several. */
public enum Role {

	ADMIN("Administrator"), PRESCRIBER("Prescriber (physician/NP)"), NURSE("Nurse"), THERAPIST("Therapist"),
	FRONT_DESK("Front desk");

	private final String label;

	Role(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** The Spring Security authority for this role. */
	public String authority() {
		return "ROLE_" + name();
	}

}
