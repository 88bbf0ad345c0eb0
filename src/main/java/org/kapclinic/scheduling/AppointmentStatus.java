package org.kapclinic.scheduling;

/**
 * Where an appointment stands (API codes, with the words staff read). Only a booked
 * appointment holds its chair, staff and patient; the others are history.
 */
public enum AppointmentStatus {

	BOOKED("Booked"), COMPLETED("Completed"), NO_SHOW("No-show"), CANCELLED("Cancelled"), RESCHEDULED("Rescheduled");

	private final String label;

	AppointmentStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** Taken off the calendar: cancelled, or moved to a new appointment. */
	public boolean withdrawn() {
		return this == CANCELLED || this == RESCHEDULED;
	}

	/**
	 * The status of a stored code (the database's check constraint admits only these).
	 */
	public static AppointmentStatus of(String code) {
		return valueOf(code);
	}

}
