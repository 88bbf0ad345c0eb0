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
		UUID rescheduledFrom, UUID groupId, int version, Instant arrivedAt) {

	/** The type in words ("Dosing session"). */
	public String typeLabel() {
		return AppointmentType.labelOf(this.type);
	}

	/** The status in words. */
	public String statusLabel() {
		return switch (this.status) {
			case "BOOKED" -> "Booked";
			case "CANCELLED" -> "Cancelled";
			case "NO_SHOW" -> "No-show";
			case "COMPLETED" -> "Completed";
			case "RESCHEDULED" -> "Rescheduled";
			default -> this.status;
		};
	}

	public long durationMinutes() {
		return java.time.Duration.between(this.start, this.end).toMinutes();
	}

}
