package org.kapclinic.dosing;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DischargeRulesTests {

	private static final Instant LAST_DOSE = Instant.parse("2030-01-07T10:00:00Z");

	@Test
	void esketamineNeedsTwoHoursSinceTheLastDevice() {
		Protocol esketamine = ProtocolFixtures.esketamine();
		assertThat(DischargeRules.remainingMinutes(esketamine, LAST_DOSE, LAST_DOSE.plus(Duration.ofMinutes(90))))
			.isEqualTo(30);
		assertThat(DischargeRules.remainingMinutes(esketamine, LAST_DOSE,
				LAST_DOSE.plus(Duration.ofMinutes(119)).plusSeconds(1)))
			.as("rounded up")
			.isEqualTo(1);
		assertThat(DischargeRules.remainingMinutes(esketamine, LAST_DOSE, LAST_DOSE.plus(Duration.ofMinutes(120))))
			.isZero();
	}

	@Test
	void theRemsTwoHoursHoldEvenIfAStoredProtocolSaysLess() {
		Protocol shorter = ProtocolFixtures.with("ESKETAMINE_REMS", (p) -> p.put("minimumObservationMinutes", 60));
		assertThat(ProtocolRules.problems(shorter)).extracting((p) -> p.field())
			.containsExactly("minimumObservationMinutes");
		assertThat(DischargeRules.minimumObservationMinutes(shorter)).isEqualTo(120);
	}

	@Test
	void bloodPressureNearBaselineIsWithinTwentyPercentEitherWay() {
		assertThat(DischargeRules.nearBaseline(120, 80, 144, 96, 20)).isTrue();
		assertThat(DischargeRules.nearBaseline(120, 80, 145, 80, 20)).isFalse();
		assertThat(DischargeRules.nearBaseline(120, 80, 95, 80, 20)).isFalse();
	}

}
