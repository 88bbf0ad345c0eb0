package org.kapclinic.scheduling;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a course stands, and the moves between states: planned → active ⇄ paused, then
 * completed or discontinued (API codes, with the words staff read). Pausing or
 * discontinuing needs a reason.
 */
public enum CourseStatus {

	PLANNED("Planned"), ACTIVE("Active"), PAUSED("Paused"), COMPLETED("Completed"), DISCONTINUED("Discontinued");

	private final String label;

	CourseStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** The label inside a sentence: "A planned course cannot become completed." */
	public String inWords() {
		return this.label.toLowerCase(java.util.Locale.ROOT);
	}

	/** Whether a course in this state may move to {@code next}. */
	public boolean canBecome(CourseStatus next) {
		return switch (this) {
			case PLANNED -> next == ACTIVE || next == DISCONTINUED;
			case ACTIVE -> next == PAUSED || next == COMPLETED || next == DISCONTINUED;
			case PAUSED -> next == ACTIVE || next == DISCONTINUED;
			case COMPLETED, DISCONTINUED -> false;
		};
	}

	/** Sessions may still be booked on it. */
	public boolean bookable() {
		return this == PLANNED || this == ACTIVE;
	}

	/** Moving here needs a written reason. */
	public boolean needsReason() {
		return this == PAUSED || this == DISCONTINUED;
	}

	/** The status a code names, if any. */
	public static Optional<CourseStatus> parse(String code) {
		return Arrays.stream(values()).filter((s) -> s.name().equals(code)).findFirst();
	}

}
