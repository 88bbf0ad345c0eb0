package org.kapclinic.reports;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * When a course's outcome is read (issue 18, {@code window=}): at the end of the course,
 * and one, three, six and twelve calendar months after its first dose (UTC calendar, so
 * the same course gives the same targets wherever the report runs).
 */
public enum FollowUpWindow {

	END_OF_COURSE("END_OF_COURSE", "End of course", 0), M1("1M", "1 month", 1), M3("3M", "3 months", 3),
	M6("6M", "6 months", 6), M12("12M", "12 months", 12);

	private final String code;

	private final String label;

	private final int months;

	FollowUpWindow(String code, String label, int months) {
		this.code = code;
		this.label = label;
		this.months = months;
	}

	/** As the API writes it: {@code END_OF_COURSE}, {@code 1M}, {@code 3M}, … */
	@com.fasterxml.jackson.annotation.JsonValue
	public String code() {
		return this.code;
	}

	public String label() {
		return this.label;
	}

	/** The prefix of the window's columns in {@code reports.course_outcome}. */
	String column() {
		return (this == END_OF_COURSE) ? "eoc" : name().toLowerCase(java.util.Locale.ROOT);
	}

	/**
	 * The moment a follow-up aims at: the course's last dose for the end of the course,
	 * otherwise the first dose plus the window's months.
	 */
	Instant target(Instant firstDose, Instant lastDose) {
		if (this == END_OF_COURSE) {
			return lastDose;
		}
		return firstDose.atZone(ZoneOffset.UTC).plusMonths(this.months).toInstant();
	}

	public static FollowUpWindow ofCode(String code) {
		for (FollowUpWindow window : values()) {
			if (window.code.equals(code)) {
				return window;
			}
		}
		throw new IllegalArgumentException("window must be one of END_OF_COURSE, 1M, 3M, 6M, 12M");
	}

}
