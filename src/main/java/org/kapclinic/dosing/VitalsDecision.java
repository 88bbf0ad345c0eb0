package org.kapclinic.dosing;

/**
 * What a reading does to its session ({@link DosingSession#recordVitals}): the fast
 * group-commit path and the locked path ask the same question and store only what the
 * answer allows.
 *
 * @param refusal why no reading may be recorded (the session is closed); null when it may
 * @param hold what the reading does to the pre-dose hold
 * @param next the state after the reading (the first reading after check-in starts the
 * pre-dose checks)
 * @param changesSession the reading changes the session row (hold, release or state), so
 * it must be stored on the locked row
 */
record VitalsDecision(SessionDecision.Refusal refusal, PreDoseHold.Decision hold, SessionState next,
		boolean changesSession) {

	/** This decision, or the refusal as the exception the API answers with. */
	VitalsDecision orThrow(java.util.UUID sessionId) {
		if (this.refusal != null) {
			throw this.refusal.exception(sessionId);
		}
		return this;
	}

}
