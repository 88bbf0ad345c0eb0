package org.kapclinic.dosing;

import org.junit.jupiter.api.DisplayName;
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
		Protocol anesthetic = ProtocolFixtures.with("IV_KETAMINE", (p) -> p.put("hardMaximum", 2.0));
		assertThat(ProtocolRules.problems(anesthetic)).filteredOn((p) -> p.field().equals("hardMaximum"))
			.singleElement()
			.satisfies((p) -> assertThat(p.message()).contains("anesthetic"));
	}

	@Test
	@DisplayName("Route ceilings (clinical.md 1.1 suggested caps): IM 2.5 mg/kg and SL 400 mg are accepted, 2.51 mg/kg and 401 mg refused")
	void routeCeilingsFollowTheReference() {
		assertThat(fields(ProtocolFixtures.with("KAP_IM_KETAMINE", (p) -> p.put("hardMaximum", 2.5)))).isEmpty();
		assertThat(fields(ProtocolFixtures.with("KAP_IM_KETAMINE", (p) -> p.put("hardMaximum", 2.51))))
			.containsExactly("hardMaximum");
		assertThat(fields(ProtocolFixtures.with("KAP_SL_KETAMINE", (p) -> p.put("hardMaximum", 400)))).isEmpty();
		assertThat(fields(ProtocolFixtures.with("KAP_SL_KETAMINE", (p) -> p.put("hardMaximum", 401))))
			.containsExactly("hardMaximum");
	}

	@Test
	@DisplayName("A sublingual protocol needs a mg/kg ceiling, at most 7.0 mg/kg (Andrade 2019 reported range)")
	void sublingualProtocolsNeedAWeightBasedCeiling() {
		assertThat(fields(ProtocolFixtures.with("KAP_SL_KETAMINE", (p) -> p.remove("hardMaximumMgPerKg"))))
			.containsExactly("hardMaximumMgPerKg");
		assertThat(fields(ProtocolFixtures.with("KAP_SL_KETAMINE", (p) -> p.put("hardMaximumMgPerKg", 7.0)))).isEmpty();
		assertThat(fields(ProtocolFixtures.with("KAP_SL_KETAMINE", (p) -> p.put("hardMaximumMgPerKg", 7.01))))
			.containsExactly("hardMaximumMgPerKg");
	}

	@Test
	@DisplayName("IV infusions: 30 minutes is the shortest a protocol may set, 29 is refused; the rate cap is at most 1.5 mg/kg/h (Fava 2020)")
	void ivProtocolsCannotInfuseFast() {
		assertThat(fields(ProtocolFixtures.with("IV_KETAMINE", (p) -> {
			p.put("minInfusionMinutes", 30);
			p.put("hardMaximum", 0.75);
			p.put("softMaximum", 0.75);
			p.putObject("usualRange").put("min", 0.5).put("max", 0.75);
			p.put("infusionMinutes", 30);
		}))).isEmpty();
		assertThat(fields(ProtocolFixtures.with("IV_KETAMINE", (p) -> {
			p.put("minInfusionMinutes", 29);
			p.put("hardMaximum", 0.5);
			p.put("softMaximum", 0.5);
			p.put("defaultDose", 0.5);
			p.putObject("usualRange").put("min", 0.5).put("max", 0.5);
			p.put("infusionMinutes", 29);
		}))).containsExactlyInAnyOrder("minInfusionMinutes", "infusionMinutes");
		assertThat(fields(ProtocolFixtures.with("IV_KETAMINE", (p) -> p.put("infusionMinutes", 5))))
			.contains("infusionMinutes");
		assertThat(fields(ProtocolFixtures.with("IV_KETAMINE", (p) -> p.put("maxRateMgPerKgPerHour", 1.51))))
			.containsExactly("maxRateMgPerKgPerHour");
		assertThat(fields(ProtocolFixtures.with("IV_KETAMINE",
				(p) -> p.put("minInfusionMinutes", 30).put("infusionMinutes", 35))))
			.as("1.0 mg/kg over 35 min runs at 1.71 mg/kg/h")
			.containsExactly("infusionMinutes");
	}

	@Test
	@DisplayName("Ages per protocol: esketamine from 18 (Spravato PI), SL adults only, IV and IM from 13 (Dwyer 2021)")
	void protocolsDeclareTheirAges() {
		assertThat(fields(ProtocolFixtures.with("ESKETAMINE_REMS", (p) -> p.put("minAgeYears", 17))))
			.containsExactly("minAgeYears");
		assertThat(fields(ProtocolFixtures.with("KAP_SL_KETAMINE", (p) -> p.put("minAgeYears", 17))))
			.containsExactly("minAgeYears");
		assertThat(fields(ProtocolFixtures.with("IV_KETAMINE", (p) -> p.put("minAgeYears", 12))))
			.containsExactly("minAgeYears");
		assertThat(fields(ProtocolFixtures.with("KAP_IM_KETAMINE", (p) -> p.put("minAgeYears", 13)))).isEmpty();
		assertThat(fields(ProtocolFixtures.with("IV_KETAMINE", (p) -> p.remove("maxAgeYears"))))
			.containsExactly("minAgeYears");
		assertThat(ProtocolFixtures.with("ESKETAMINE_REMS", (p) -> p.put("minAgeYears", 10)).minAge())
			.as("a stored esketamine version can never cover under-18s")
			.isEqualTo(18);
	}

	@Test
	@DisplayName("Esketamine doses (Spravato PI): 56 and 84 mg; 28 mg only as the from-65 regional option")
	void esketamineDosesAreTheLabelled() {
		assertThat(fields(
				ProtocolFixtures.with("ESKETAMINE_REMS", (p) -> p.putArray("allowedDosesMg").add(28).add(56).add(84))))
			.containsExactly("allowedDosesMg");
		assertThat(fields(ProtocolFixtures.with("ESKETAMINE_REMS", (p) -> p.putArray("dosesFromAge65Mg").add(28))))
			.isEmpty();
		assertThat(fields(ProtocolFixtures.with("ESKETAMINE_REMS", (p) -> p.put("firstDoseMg", 28))))
			.containsExactly("firstDoseMg");
	}

	@Test
	@DisplayName("Every protocol has a pre-dose ceiling above its hold thresholds (Ketalar label §4)")
	void everyProtocolHasAPreDoseCeiling() {
		assertThat(fields(ProtocolFixtures.with("IV_KETAMINE",
				(p) -> ((tools.jackson.databind.node.ObjectNode) p.get("hold")).remove("ceilingSystolicAtLeast"))))
			.containsExactly("hold.ceilingSystolicAtLeast");
		assertThat(fields(ProtocolFixtures.with("IV_KETAMINE",
				(p) -> ((tools.jackson.databind.node.ObjectNode) p.get("hold")).put("ceilingDiastolicAtLeast", 90))))
			.containsExactly("hold.ceilingSystolicAtLeast");
	}

	@Test
	@DisplayName("A minor's assent names only the routes a minor can receive (clinical.md §6: IV and IM in a monitored setting)")
	void theAssentNamesOnlyTheRoutesMinorsCanReceive() throws java.io.IOException {
		java.util.Set<Route> minorRoutes = new java.util.HashSet<>();
		for (String code : new String[] { "IV_KETAMINE", "KAP_IM_KETAMINE", "KAP_SL_KETAMINE", "ESKETAMINE_REMS" }) {
			Protocol protocol = ProtocolFixtures.shipped(code);
			if (protocol.minAgeYears() < 18) {
				minorRoutes.add(protocol.route());
			}
		}
		assertThat(minorRoutes).containsExactlyInAnyOrder(Route.IV, Route.IM);
		String assent = new org.springframework.core.io.ClassPathResource("consent/ASSENT_MINOR.v1.md")
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)
			.toLowerCase(java.util.Locale.ROOT);
		assertThat(assent).contains("(iv)", "(im)").doesNotContain("nasal", "spray", "sublingual", "lozenge", "tongue");
	}

	private static java.util.List<String> fields(Protocol protocol) {
		return ProtocolRules.problems(protocol).stream().map((p) -> p.field()).toList();
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
