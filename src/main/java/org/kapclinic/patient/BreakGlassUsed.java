package org.kapclinic.patient;

import java.time.Instant;
import java.util.UUID;

/**
 * A clinician opened a chart outside their care team (break-glass); the tasks module asks
 * the clinic's administrators and the patient's prescriber to review it.
 *
 * @param grantId the grant, which the review refers to
 * @param username who did it
 * @param reason why, in their words
 * @param expiresAt when the access ends
 */
public record BreakGlassUsed(UUID grantId, UUID patientId, UUID userId, String username, String reason,
		Instant expiresAt) {
}
