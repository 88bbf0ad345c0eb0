package org.kapclinic.scheduling;

import java.time.LocalTime;
import java.util.List;

/**
 * A staff member's weekly hours (clinic time zone) and how many appointments they can run
 * at once.
 */
record StaffHours(int capacity, List<Shift> hours) {

	public StaffHours {
		hours = (hours == null) ? List.of() : List.copyOf(hours);
	}

	/** One working range on a weekday (Monday = 1). */
	public record Shift(int weekday, LocalTime start, LocalTime end) {
	}

}
