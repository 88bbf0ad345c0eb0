package org.kapclinic.scheduling;

/** Appointment types (API codes). Any may be telehealth except dosing. */
public enum AppointmentType {

	CONSULTATION, INTAKE, PREPARATION, DOSING, INTEGRATION, FOLLOW_UP, GROUP_INTEGRATION;

	public boolean allowsTelehealth() {
		return this != DOSING;
	}

}
