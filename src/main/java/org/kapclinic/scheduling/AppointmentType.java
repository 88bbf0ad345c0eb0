package org.kapclinic.scheduling;

/**
 * Appointment types (API codes, with the words staff read). Any may be telehealth except
 * dosing.
 */
public enum AppointmentType {

	CONSULTATION("Consultation"), INTAKE("Intake"), PREPARATION("Preparation"), DOSING("Dosing session"),
	INTEGRATION("Integration"), FOLLOW_UP("Follow-up"), GROUP_INTEGRATION("Group integration circle");

	private final String label;

	AppointmentType(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** An integration session, one to one or in a group (counts toward dose-response). */
	public boolean integration() {
		return this == INTEGRATION || this == GROUP_INTEGRATION;
	}

	public boolean allowsTelehealth() {
		return this != DOSING;
	}

	/** A type's sessions in words: "dosing sessions", "preparation sessions". */
	public static String sessionsOf(String code) {
		String label = labelOf(code).toLowerCase(java.util.Locale.ROOT);
		return label.endsWith("session") ? label + "s" : label + " sessions";
	}

	/** The label of a stored type; an unknown one in words. */
	public static String labelOf(String code) {
		try {
			return valueOf(code).label();
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return (code == null) ? "" : code.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
		}
	}

}
