package org.kapclinic.dosing;

import java.time.Instant;
import java.util.UUID;

/**
 * A threshold crossing during a session, shown on the board until a clinician
 * acknowledges it (with what was done).
 */
public record Alert(UUID id, String code, String message, Instant at, Instant raisedAt, Instant acknowledgedAt,
		UUID acknowledgedBy, String acknowledgement) {

	public boolean open() {
		return this.acknowledgedAt == null;
	}

}
