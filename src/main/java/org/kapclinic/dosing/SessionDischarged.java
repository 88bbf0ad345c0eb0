package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A patient was discharged from a dosing session (published in the discharge's
 * transaction). Billing proposes the session's charges from it.
 *
 * @param totalDoseMg the drug given, all administrations together
 * @param infusionMinutes minutes the IV infusion ran (start to stop, pauses excluded); 0
 * for the other routes
 * @param prescriberId who ordered the dose given (the rendering clinician)
 * @param courseId the course the session belongs to, if any (an access-fund award of
 * sessions pays for one course's)
 */
public record SessionDischarged(UUID patientId, UUID sessionId, UUID appointmentId, String program, Route route,
		BigDecimal totalDoseMg, long infusionMinutes, UUID prescriberId, Instant firstDoseAt, Instant dischargedAt,
		UUID courseId) {
}
