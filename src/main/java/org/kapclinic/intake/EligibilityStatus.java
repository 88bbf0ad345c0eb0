package org.kapclinic.intake;

import java.time.Instant;
import java.util.List;

/**
 * Where a patient stands for one program.
 *
 * @param status ELIGIBLE, ELIGIBLE_WITH_PRECAUTIONS, NOT_ELIGIBLE, NOT_SCREENED, or
 * EXPIRED (the decision's time ran out, or the intake it relied on changed)
 * @param missing what still stands between the patient and a first dose, in plain codes:
 * {@code INTAKE}, {@code SCREENING_DECISION}, {@code ELIGIBILITY}, {@code CONSENT},
 * {@code GUARDIAN_CONSENT}, {@code ASSENT}; empty when nothing does
 */
public record EligibilityStatus(Program program, String status, boolean consented, List<String> missing,
		Instant decisionExpiresAt) {

	public boolean readyForFirstDose() {
		return this.missing.isEmpty();
	}

}
