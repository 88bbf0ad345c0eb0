package org.kapclinic.dosing;

import java.time.Instant;
import java.util.UUID;

/**
 * What was seen or done in the session: SEDATION (MOAA/S 0–5), DISSOCIATION (CADSS total,
 * score entry), SIDE_EFFECT and ADVERSE_EVENT (effect and severity), INTERVENTION (drug,
 * dose, time), NOTE (the therapist's timestamped in-session entries).
 */
record Observation(UUID id, String kind, Integer moaas, Integer cadssTotal, String effect, String severity, String drug,
		String drugDose, String text, Instant at, Instant recordedAt, UUID recordedBy, boolean late) {
}
