package org.kapclinic.scheduling;

import java.util.UUID;

/**
 * An appointment was marked completed, no-show or cancelled (published in the same
 * transaction). The outcomes read model listens for completed integration sessions.
 *
 * @param type the appointment type's code ({@code INTEGRATION}, {@code DOSING}, …)
 * @param status the new status's code ({@code COMPLETED}, {@code NO_SHOW}, …)
 * @param courseId null for an appointment outside a course
 */
public record AppointmentClosed(UUID patientId, UUID appointmentId, UUID courseId, String type, String status) {
}
