package org.kapclinic.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A booked (or cancelled, rescheduled, no-show, completed) appointment. History is kept:
 * a reschedule is a new appointment pointing back at the old one.
 */
public record Appointment(UUID id, UUID patientId, String type, String program, Instant start, Instant end, UUID roomId,
		List<UUID> staffIds, UUID courseId, UUID seriesId, String telehealthLink, String status, String statusReason,
		UUID rescheduledFrom, UUID groupId, int version) {

	public long durationMinutes() {
		return java.time.Duration.between(this.start, this.end).toMinutes();
	}

}
