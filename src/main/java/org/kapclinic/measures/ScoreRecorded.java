package org.kapclinic.measures;

import java.time.Instant;
import java.util.UUID;

/**
 * A complete administration of an instrument was recorded for a patient (published after
 * the score is stored, in the same transaction). The outcomes read model (ADR 7) listens:
 * the score may be a course's baseline or one of its follow-ups.
 */
public record ScoreRecorded(UUID patientId, String instrument, Instant administeredAt) {
}
