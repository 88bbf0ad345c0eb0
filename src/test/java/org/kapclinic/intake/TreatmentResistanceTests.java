package org.kapclinic.intake;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.kapclinic.intake.IntakeAnswers.AntidepressantTrial;

import static org.assertj.core.api.Assertions.assertThat;

class TreatmentResistanceTests {

	private static final IntakeSettings SETTINGS = new IntakeSettings(2, 6, Duration.ofDays(365), Duration.ofDays(7),
			null);

	@Test
	void countsAdequateTrialsThatFailed() {
		IntakeAnswers answers = withTrials(trial(8, null, TrialResponse.NO_RESPONSE),
				trial(4, true, TrialResponse.PARTIAL), trial(4, null, TrialResponse.NO_RESPONSE),
				trial(12, null, TrialResponse.RESPONDED));

		assertThat(TreatmentResistance.failedAdequateTrials(answers, SETTINGS)).as("8 weeks and an explicit yes")
			.isEqualTo(2);
	}

	@Test
	void anExplicitNotAdequateWins() {
		assertThat(TreatmentResistance.failedAdequateTrials(withTrials(trial(10, false, TrialResponse.NO_RESPONSE)),
				SETTINGS))
			.isZero();
	}

	private static AntidepressantTrial trial(int weeks, Boolean adequate, TrialResponse response) {
		return new AntidepressantTrial("sertraline", new BigDecimal("150"), weeks, adequate, response);
	}

	private static IntakeAnswers withTrials(AntidepressantTrial... trials) {
		return new IntakeAnswers(List.of(), List.of(), List.of(), List.of(trials), null, null, null, null, null);
	}

}
