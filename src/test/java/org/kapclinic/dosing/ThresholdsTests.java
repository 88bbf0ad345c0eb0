package org.kapclinic.dosing;

import org.junit.jupiter.api.Test;

import org.kapclinic.dosing.Protocol.AlertThresholds;
import org.kapclinic.dosing.Protocol.HoldThresholds;

import static org.assertj.core.api.Assertions.assertThat;

class ThresholdsTests {

	private final HoldThresholds hold = ProtocolFixtures.iv().hold();

	private final AlertThresholds alerts = ProtocolFixtures.iv().alerts();

	@Test
	void holdIsStrictlyAbove140Over90() {
		assertThat(Thresholds.hold(this.hold, 140, 90, 80, 98)).isEmpty();
		assertThat(Thresholds.hold(this.hold, 141, 90, 80, 98)).containsExactly("systolic 141 > 140");
		assertThat(Thresholds.hold(this.hold, 140, 91, 80, 98)).containsExactly("diastolic 91 > 90");
	}

	@Test
	void bloodPressureAlertsAtAndAbove180Over110() {
		assertThat(Thresholds.vitals(this.alerts, 179, 109, 80, 98, 14)).isEmpty();
		assertThat(Thresholds.vitals(this.alerts, 180, 109, 80, 98, 14)).extracting(Thresholds.Crossing::code)
			.containsExactly("SYSTOLIC_HIGH");
		assertThat(Thresholds.vitals(this.alerts, 150, 110, 80, 98, 14)).extracting(Thresholds.Crossing::code)
			.containsExactly("DIASTOLIC_HIGH");
	}

	@Test
	void heartRateAbove120OxygenBelow92RespirationBelow10() {
		assertThat(Thresholds.vitals(this.alerts, 120, 80, 120, 92, 10)).isEmpty();
		assertThat(Thresholds.vitals(this.alerts, 120, 80, 121, 91, 9)).extracting(Thresholds.Crossing::code)
			.containsExactly("HEART_RATE_HIGH", "SPO2_LOW", "RESPIRATORY_RATE_LOW");
		assertThat(Thresholds.vitals(this.alerts, 120, 80, 44, null, null)).extracting(Thresholds.Crossing::code)
			.containsExactly("HEART_RATE_LOW");
	}

	@Test
	void sedationAlertsAtMoaas1AndLossOfConsciousnessAlways() {
		assertThat(Thresholds.sedation(this.alerts, 2)).isEmpty();
		assertThat(Thresholds.sedation(this.alerts, 1)).extracting(Thresholds.Crossing::code)
			.containsExactly("SEDATION_DEEP");
		assertThat(Thresholds.sedation(this.alerts, 0)).extracting(Thresholds.Crossing::code)
			.containsExactly("UNRESPONSIVE");
	}

}
