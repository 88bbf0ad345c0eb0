package org.kapclinic.intake;

import java.time.Instant;
import java.util.UUID;

/**
 * A patient's intake as stored.
 *
 * @param revision increases with every save; decisions name the revision they relied on
 * @param treatmentResistant at least the configured number of adequate antidepressant
 * trials failed (there is no ICD-10-CM code for treatment resistance)
 */
record IntakeView(UUID patientId, IntakeStatus status, int revision, IntakeAnswers answers, boolean treatmentResistant,
		int failedAdequateTrials, Instant submittedAt, Instant updatedAt) {

	/** DRAFT until submitted; a submitted intake stays submitted when amended. */
	public enum IntakeStatus {

		DRAFT("Draft"), SUBMITTED("Submitted");

		private final String label;

		IntakeStatus(String label) {
			this.label = label;
		}

		/** What people read (the API keeps the code). */
		public String label() {
			return this.label;
		}

		public boolean submitted() {
			return this == SUBMITTED;
		}

	}

}
