package org.kapclinic.measures;

import java.time.Instant;
import java.util.UUID;

/**
 * A clinician's dated review of an open risk flag: the safety assessment and plan
 * recorded while the flag stays open. Kept as history, never changed or deleted.
 */
record RiskFlagReview(UUID id, UUID flagId, String assessment, String plan, Instant reviewedAt, UUID reviewedBy) {
}
