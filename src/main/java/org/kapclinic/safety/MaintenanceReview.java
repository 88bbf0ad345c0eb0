package org.kapclinic.safety;

import java.time.Instant;
import java.util.UUID;

/**
 * A recorded maintenance review: the decision in code and words, why, who and when.
 *
 * @param courseId the maintenance course reviewed (null: the patient's dosing as a whole)
 * @param noteId the signed MAINTENANCE_REVIEW note recording what was reviewed (null for
 * reviews recorded before notes were written)
 */
public record MaintenanceReview(UUID id, UUID patientId, UUID courseId, MaintenanceDecision decision,
		String decisionLabel, String reason, Instant reviewedAt, UUID reviewedBy, String reviewedByName, UUID noteId) {
}
