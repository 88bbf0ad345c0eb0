package org.kapclinic.intake;

import org.kapclinic.intake.IntakeAnswers.AntidepressantTrial;

/**
 * Counts failed adequate antidepressant trials. A trial is adequate when it says so, or,
 * when it does not say, when it lasted at least the configured number of weeks; it failed
 * when the response was anything but a response.
 */
final class TreatmentResistance {

	private TreatmentResistance() {
	}

	static int failedAdequateTrials(IntakeAnswers answers, IntakeSettings settings) {
		int failed = 0;
		for (AntidepressantTrial trial : answers.antidepressantTrials()) {
			boolean adequate = (trial.adequate() != null) ? trial.adequate()
					: (trial.weeks() != null && trial.weeks() >= settings.adequateTrialMinWeeks());
			if (adequate && trial.response() != null && trial.response() != TrialResponse.RESPONDED) {
				failed++;
			}
		}
		return failed;
	}

}
