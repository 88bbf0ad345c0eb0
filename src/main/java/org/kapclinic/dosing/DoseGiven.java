package org.kapclinic.dosing;

import java.time.Instant;
import java.util.UUID;

/**
 * Drug was given in a dosing session (a start, or an additional dose), published in the
 * transaction that records it. The outcomes read model (ADR 7) listens: a dose moves a
 * course's first or last dose and its session count.
 *
 * @param courseId null for a session booked outside a course
 */
public record DoseGiven(UUID patientId, UUID courseId, UUID sessionId, Instant at) {
}
