package org.kapclinic.dosing;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.kapclinic.dosing.Protocol.VitalsPlan;

import static org.assertj.core.api.Assertions.assertThat;

class VitalsScheduleTests {

	private static final Instant CHECK_IN = Instant.parse("2030-01-07T09:00:00Z");

	private static final Instant DOSE = CHECK_IN.plus(Duration.ofMinutes(20));

	private static final Duration GRACE = Duration.ofMinutes(2);

	private final VitalsPlan iv = ProtocolFixtures.iv().vitals();

	private final VitalsPlan esketamine = ProtocolFixtures.esketamine().vitals();

	@Test
	void aBaselineIsDueAtCheckInAndOverdueAfterTheGrace() {
		VitalsSchedule.Due due = VitalsSchedule.next(this.iv, SessionState.CHECKED_IN, CHECK_IN, null, false, null,
				CHECK_IN.plus(Duration.ofMinutes(2)), GRACE);
		assertThat(due.kind()).isEqualTo("BASELINE");
		assertThat(due.overdue()).isFalse();
		assertThat(VitalsSchedule
			.next(this.iv, SessionState.CHECKED_IN, CHECK_IN, null, false, null, CHECK_IN.plus(Duration.ofMinutes(3)),
					GRACE)
			.overdue()).isTrue();
		assertThat(VitalsSchedule.next(this.iv, SessionState.PRE_DOSE_CHECKS, CHECK_IN, null, false, CHECK_IN,
				CHECK_IN.plus(Duration.ofMinutes(3)), GRACE))
			.isNull();
	}

	@Test
	void aHeldSessionNeedsARecheckAfterRest() {
		Instant high = CHECK_IN.plus(Duration.ofMinutes(1));
		VitalsSchedule.Due due = VitalsSchedule.next(this.iv, SessionState.PRE_DOSE_CHECKS, CHECK_IN, null, false, true,
				Duration.ofMinutes(10), high, high.plus(Duration.ofMinutes(13)), GRACE);
		assertThat(due.kind()).isEqualTo("RECHECK");
		assertThat(due.at()).isEqualTo(high.plus(Duration.ofMinutes(10)));
		assertThat(due.overdue()).isTrue();
	}

	@Test
	void duringAnInfusionEveryTenMinutesAfterTheLastReading() {
		Instant reading = DOSE.plus(Duration.ofMinutes(10));
		VitalsSchedule.Due due = VitalsSchedule.next(this.iv, SessionState.DOSING, CHECK_IN, DOSE, true, reading,
				reading.plus(Duration.ofMinutes(5)), GRACE);
		assertThat(due.kind()).isEqualTo("DURING_DOSE");
		assertThat(due.at()).isEqualTo(reading.plus(Duration.ofMinutes(10)));
		assertThat(VitalsSchedule
			.next(this.iv, SessionState.DOSING, CHECK_IN, DOSE, true, reading, reading.plus(Duration.ofMinutes(13)),
					GRACE)
			.overdue()).isTrue();
	}

	@Test
	void esketamineBloodPressureIsDueAtFortyMinutesThenEveryThirty() {
		Instant now = DOSE.plus(Duration.ofMinutes(20));
		VitalsSchedule.Due due = VitalsSchedule.next(this.esketamine, SessionState.MONITORING, CHECK_IN, DOSE, false,
				DOSE.plus(Duration.ofMinutes(15)), now, GRACE);
		assertThat(due.kind()).isEqualTo("AT_40_MIN");
		assertThat(due.at()).isEqualTo(DOSE.plus(Duration.ofMinutes(40)));
		Instant at41 = DOSE.plus(Duration.ofMinutes(41));
		VitalsSchedule.Due after = VitalsSchedule.next(this.esketamine, SessionState.MONITORING, CHECK_IN, DOSE, false,
				at41, at41.plus(Duration.ofMinutes(1)), GRACE);
		assertThat(after.kind()).isEqualTo("AFTER_DOSE");
		assertThat(after.at()).isEqualTo(at41.plus(Duration.ofMinutes(30)));
	}

	@Test
	void aMissedFortyMinuteCheckIsOverdueAndNothingIsDueOnceClosed() {
		Instant now = DOSE.plus(Duration.ofMinutes(43));
		assertThat(VitalsSchedule
			.next(this.esketamine, SessionState.MONITORING, CHECK_IN, DOSE, false, CHECK_IN, now, GRACE)
			.overdue()).isTrue();
		assertThat(VitalsSchedule.next(this.esketamine, SessionState.DISCHARGED, CHECK_IN, DOSE, false, CHECK_IN, now,
				GRACE))
			.isNull();
	}

}
