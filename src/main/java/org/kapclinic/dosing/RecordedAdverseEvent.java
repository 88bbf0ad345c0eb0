package org.kapclinic.dosing;

import java.time.Instant;
import java.util.UUID;

/**
 * A side effect or adverse event recorded in a session (not voided), as codes: the kind
 * ({@code SIDE_EFFECT}, {@code ADVERSE_EVENT}), the effect ({@link SideEffect}) and its
 * severity ({@link EventSeverity}). The free text is never part of it.
 */
public record RecordedAdverseEvent(UUID patientId, UUID courseId, Instant at, String kind, String effect,
		String severity) {
}
