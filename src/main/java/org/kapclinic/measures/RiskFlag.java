package org.kapclinic.measures;

import java.time.Instant;
import java.util.UUID;

/**
 * A risk flag on a patient, open until a clinician documents an assessment and a plan.
 */
public record RiskFlag(UUID id, UUID patientId, String code, UUID measurementId, Instant raisedAt, String detail,
		Instant closedAt, UUID closedBy, String assessment, String plan) {
}
