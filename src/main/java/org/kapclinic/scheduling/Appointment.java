package org.kapclinic.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.kapclinic.intake.Program;

/**
 * A booked (or cancelled, rescheduled, no-show, completed) appointment. History is kept:
 * a reschedule is a new appointment pointing back at the old one.
 *
 * @param bookedAt when it was put on the calendar
 * @param bookedBy the staff member who booked it (null for imported records)
 */
public record Appointment(UUID id, UUID patientId, AppointmentType type, String program, Instant start, Instant end,
		UUID roomId, List<UUID> staffIds, UUID courseId, UUID seriesId, String telehealthLink, AppointmentStatus status,
		String statusReason, UUID rescheduledFrom, UUID groupId, int version, Instant arrivedAt, Instant bookedAt,
		UUID bookedBy) {

	/** The type in words ("Dosing session"). */
	public String typeLabel() {
		return this.type.label();
	}

	/** The program in words ("IV ketamine infusion"). */
	public String programLabel() {
		return Program.labelOf(this.program);
	}

	/** The status in words. */
	public String statusLabel() {
		return this.status.label();
	}

	/** Still on the calendar, holding its chair, staff and patient. */
	public boolean booked() {
		return this.status == AppointmentStatus.BOOKED;
	}

	/** Cancelled or moved: not shown on the calendar. */
	public boolean withdrawn() {
		return this.status.withdrawn();
	}

	public long durationMinutes() {
		return java.time.Duration.between(this.start, this.end).toMinutes();
	}

}
