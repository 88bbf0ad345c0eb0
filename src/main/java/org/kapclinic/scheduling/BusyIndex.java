package org.kapclinic.scheduling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Busy intervals per resource, bucketed by UTC day, so the slot finder checks a candidate
 * against one day's bookings instead of the whole window's (a month of a full chair is
 * hundreds of intervals; a day is a dozen).
 */
final class BusyIndex {

	private static final long DAY = 86_400;

	private final Map<UUID, Map<Long, List<Instant[]>>> byResource = new HashMap<>();

	void add(UUID resource, Instant start, Instant end) {
		Map<Long, List<Instant[]>> days = this.byResource.computeIfAbsent(resource, (k) -> new HashMap<>());
		for (long day = dayOf(start); day <= dayOf(end.minusNanos(1)); day++) {
			days.computeIfAbsent(day, (k) -> new ArrayList<>()).add(new Instant[] { start, end });
		}
	}

	/** How many intervals of the resource overlap [start, end). */
	int overlapping(UUID resource, Instant start, Instant end) {
		Map<Long, List<Instant[]>> days = this.byResource.get(resource);
		if (days == null) {
			return 0;
		}
		int count = 0;
		long first = dayOf(start);
		long last = dayOf(end.minusNanos(1));
		for (long day = first; day <= last; day++) {
			for (Instant[] busy : days.getOrDefault(day, List.of())) {
				// An interval spanning several days is counted once: on its first day in
				// range.
				boolean firstSeen = day == Math.max(first, dayOf(busy[0]));
				if (firstSeen && busy[0].isBefore(end) && busy[1].isAfter(start)) {
					count++;
				}
			}
		}
		return count;
	}

	private static long dayOf(Instant instant) {
		return Math.floorDiv(instant.getEpochSecond(), DAY);
	}

}
