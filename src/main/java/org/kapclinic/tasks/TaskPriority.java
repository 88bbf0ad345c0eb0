package org.kapclinic.tasks;

/** URGENT: same day (a suicide-risk answer, clinical.md 4.1); ROUTINE: as scheduled. */
public enum TaskPriority {

	URGENT, ROUTINE

}
