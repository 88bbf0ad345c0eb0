package org.kapclinic.intake;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.kapclinic.intake.Decision.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionRulesTests {

	private static final Finding ABSOLUTE = finding("ANEURYSM_OR_AVM", Severity.ABSOLUTE);

	private static final Finding RELATIVE = finding("MED_BENZODIAZEPINE", Severity.RELATIVE);

	@Test
	void anAbsoluteFindingLeavesOnlyNotEligible() {
		assertThat(DecisionRules.contradictions(List.of(ABSOLUTE), Outcome.ELIGIBLE, Map.of())).isNotEmpty();
		assertThat(DecisionRules.contradictions(List.of(ABSOLUTE), Outcome.ELIGIBLE_WITH_PRECAUTIONS,
				Map.of("ANEURYSM_OR_AVM", "monitor closely")))
			.isNotEmpty();
		assertThat(DecisionRules.contradictions(List.of(ABSOLUTE), Outcome.NOT_ELIGIBLE, Map.of())).isEmpty();
	}

	@Test
	void aRelativeFindingNeedsPrecautionsWithAWrittenMitigation() {
		assertThat(DecisionRules.contradictions(List.of(RELATIVE), Outcome.ELIGIBLE, Map.of())).isNotEmpty();
		assertThat(DecisionRules.contradictions(List.of(RELATIVE), Outcome.ELIGIBLE_WITH_PRECAUTIONS, Map.of()))
			.containsExactly("MED_BENZODIAZEPINE: a written mitigation is required");
		assertThat(DecisionRules.contradictions(List.of(RELATIVE), Outcome.ELIGIBLE_WITH_PRECAUTIONS,
				Map.of("MED_BENZODIAZEPINE", "  ")))
			.isNotEmpty();
		assertThat(DecisionRules.contradictions(List.of(RELATIVE), Outcome.ELIGIBLE_WITH_PRECAUTIONS,
				Map.of("MED_BENZODIAZEPINE", "hold the evening dose before sessions")))
			.isEmpty();
	}

	@Test
	void noFindingsAllowEligible() {
		assertThat(DecisionRules.contradictions(List.of(), Outcome.ELIGIBLE, null)).isEmpty();
	}

	private static Finding finding(String rule, Severity severity) {
		return new Finding(rule, rule, severity, Set.of(Program.KAP), "explained", "source", "VERIFIED", "detail");
	}

}
