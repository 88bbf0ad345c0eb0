package org.kapclinic.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A booked (or cancelled, rescheduled, no-show, completed) appointment. History is kept:
 * a reschedule is a new appointment pointing back at the old one.
 *
 * @param bookedAt when it was put on the calendar
 * @param bookedBy the staff member who booked it (null for imported records)
 */
public record Appointment(UUID id, UUID patientId, String type, String program, Instant start, Instant end, UUID roomId,
		List<UUID> staffIds, UUID courseId, UUID seriesId, String telehealthLink, String status, String statusReason,
		UUID rescheduledFrom, UUID groupId, int version, Instant arrivedAt, Instant bookedAt, UUID bookedBy) {

	/** The type in words ("Dosing session"). */
	public String typeLabel() {
		return AppointmentType.labelOf(this.type);
	}

	/** The status as a value (the record keeps the API's code). */
	public AppointmentStatus state() {
		return AppointmentStatus.of(this.status);
	}

	/** The status in words. */
	public String statusLabel() {
		return state().label();
	}

	/** Still on the calendar, holding its chair, staff and patient. */
	public boolean booked() {
		return state() == AppointmentStatus.BOOKED;
	}

	/** Cancelled or moved: not shown on the calendar. */
	public boolean withdrawn() {
		return state().withdrawn();
	}

	public long durationMinutes() {
		return java.time.Duration.between(this.start, this.end).toMinutes();
	}

}
