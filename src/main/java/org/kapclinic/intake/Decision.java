package org.kapclinic.intake;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A prescriber's eligibility decision for one program, from one screening. */
public record Decision(UUID id, UUID screeningId, UUID patientId, Program program, Outcome decision,
		Map<String, String> mitigations, String note, int intakeRevision, Instant decidedAt, UUID decidedBy,
		Instant expiresAt) {

	public enum Outcome {

		ELIGIBLE, ELIGIBLE_WITH_PRECAUTIONS, NOT_ELIGIBLE

	}

}
