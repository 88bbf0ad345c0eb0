package org.kapclinic.measures;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A risk flag on a patient, open until a clinician documents an assessment and a plan.
 *
 * @param lastRaisedAt the latest risk answer added to this flag (a review before it has
 * not seen it)
 * @param reviews the dated reviews recorded while the flag is open, oldest first
 */
record RiskFlag(UUID id, UUID patientId, String code, UUID measurementId, Instant raisedAt, String detail,
		Instant closedAt, UUID closedBy, String assessment, String plan, Instant lastRaisedAt,
		List<RiskFlagReview> reviews) {
}
