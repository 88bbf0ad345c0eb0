package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The minutes an infusion ran, which billing's infusion codes are reported by. */
class InfusionTimeTests {

	private static final Instant T0 = Instant.parse("2026-12-01T15:00:00Z");

	@Test
	void startToStopLessPauses() {
		List<Administration> steps = List.of(step("START", 0), step("PAUSE", 20), step("RESUME", 30),
				step("RATE_CHANGE", 40), step("STOP", 70));
		assertThat(InfusionTime.minutes(steps, T0.plusSeconds(120 * 60))).isEqualTo(60);
	}

	@Test
	void anInfusionNeverStoppedCountsUntilTheEnd() {
		assertThat(InfusionTime.minutes(List.of(step("START", 0)), T0.plusSeconds(45 * 60 + 59))).isEqualTo(45);
	}

	@Test
	void stepsRecordedOutOfOrderAreTakenInTimeOrder() {
		assertThat(InfusionTime.minutes(List.of(step("STOP", 40), step("START", 0)), T0.plusSeconds(3600)))
			.isEqualTo(40);
	}

	private static Administration step(String kind, int minute) {
		return new Administration(UUID.randomUUID(), kind, "START".equals(kind) ? new BigDecimal("35") : null, null,
				null, null, null, T0.plusSeconds(minute * 60L), T0, UUID.randomUUID(), false);
	}

}
