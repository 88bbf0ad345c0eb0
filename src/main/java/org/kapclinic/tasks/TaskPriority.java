package org.kapclinic.tasks;

/** URGENT: same day (a suicide-risk answer, clinical.md 4.1); ROUTINE: as scheduled. */
public enum TaskPriority {

	URGENT("Urgent"), ROUTINE("Routine");

	private final String label;

	TaskPriority(String label) {
		this.label = label;
	}

	/** What people read (the API keeps the code). */
	public String label() {
		return this.label;
	}

	/** Due the same day: shown first and in red. */
	public boolean urgent() {
		return this == URGENT;
	}

}
