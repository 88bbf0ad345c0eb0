package org.kapclinic.measures;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A schedule as staff see it. */
record MeasureSchedule(UUID id, UUID patientId, List<String> instruments, String cadence, Integer everyDays,
		Instant nextDueAt, boolean sendLink, Instant createdAt, Instant endedAt, String endReason) {

	public boolean active() {
		return this.endedAt == null;
	}

	/** How often, in words. */
	public String cadenceLabel() {
		return "INTERVAL".equals(this.cadence) ? "every " + this.everyDays + " days"
				: "before each dose, 24 h and 7 days after";
	}

}
