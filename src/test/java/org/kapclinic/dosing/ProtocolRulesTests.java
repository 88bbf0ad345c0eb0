package org.kapclinic.dosing;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProtocolRulesTests {

	@Test
	void everyShippedProtocolIsValidAndCitesItsSources() {
		for (String code : new String[] { "IV_KETAMINE", "KAP_IM_KETAMINE", "KAP_SL_KETAMINE", "ESKETAMINE_REMS" }) {
			Protocol protocol = ProtocolFixtures.shipped(code);
			assertThat(ProtocolRules.problems(protocol)).as(code).isEmpty();
			assertThat(protocol.sources()).as(code).containsKeys("hardMaximum", "hold", "alerts", "vitals");
		}
	}

	@Test
	void noProtocolReachesAnestheticDoses() {
		Protocol iv = ProtocolFixtures.iv();
		Protocol anesthetic = new Protocol(iv.code(), iv.version(), iv.name(), iv.program(), iv.route(), iv.drug(),
				iv.doseUnit(), iv.defaultDose(), iv.usualRange(), iv.softMaximum(), new BigDecimal("2.0"),
				iv.infusionMinutes(), null, null, null, iv.weightValidityDays(), iv.minorWeightValidityDays(),
				iv.secondPersonVerification(), iv.checklist(), iv.hold(), iv.alerts(), iv.vitals(),
				iv.minimumObservationMinutes(), iv.discharge(), iv.sources());
		assertThat(ProtocolRules.problems(anesthetic)).singleElement()
			.satisfies((p) -> assertThat(p.message()).contains("anesthetic"));
	}

	@Test
	void stateMachineAllowsOnlyTheWrittenSteps() {
		assertThat(SessionState.CHECKED_IN.canMoveTo(SessionState.ORDERED)).isFalse();
		assertThat(SessionState.PRE_DOSE_CHECKS.canMoveTo(SessionState.ORDERED)).isTrue();
		assertThat(SessionState.MONITORING.canMoveTo(SessionState.DISCHARGED)).isFalse();
		assertThat(SessionState.READY_FOR_DISCHARGE.canMoveTo(SessionState.DISCHARGED)).isTrue();
		assertThat(SessionState.DISCHARGED.canMoveTo(SessionState.ABORTED)).isFalse();
		for (SessionState state : SessionState.values()) {
			assertThat(state.canMoveTo(SessionState.ABORTED)).as(state.name()).isEqualTo(!state.closed());
		}
	}

}
