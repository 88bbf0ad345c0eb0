package org.kapclinic.scheduling;

import java.util.UUID;

/**
 * An appointment was marked completed, no-show or cancelled (published in the same
 * transaction). The outcomes read model listens for completed integration sessions.
 *
 * @param type the appointment's type
 * @param status its new status (completed, no-show, cancelled or rescheduled)
 * @param courseId null for an appointment outside a course
 */
public record AppointmentClosed(UUID patientId, UUID appointmentId, UUID courseId, AppointmentType type,
		AppointmentStatus status) {
}
