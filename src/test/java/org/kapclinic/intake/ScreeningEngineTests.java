package org.kapclinic.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import org.kapclinic.intake.IntakeAnswers.Medication;
import org.kapclinic.intake.IntakeAnswers.Vitals;
import org.kapclinic.intake.RuleSet.Rule;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every shipped rule fires on an intake made to trigger it, and not on a clean one. */
class ScreeningEngineTests {

	static final RuleSet SHIPPED = shipped();

	private static final IntakeAnswers CLEAN = answers(List.of("F33.2"), List.of(),
			List.of(new Medication("sertraline", "OTHER")), new Vitals(122, 78, 70));

	@Test
	void aCleanAdultIntakeRaisesNoFinding() {
		assertThat(ScreeningEngine.evaluate(SHIPPED, CLEAN, 40)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rules")
	void eachRuleFiresOnItsTriggerOnly(String id, Rule rule) {
		IntakeAnswers triggering = trigger(rule);
		int age = (rule.kind() == RuleSet.Kind.AGE) ? 16 : 40;

		List<Finding> findings = ScreeningEngine.evaluate(SHIPPED, triggering, age);

		assertThat(findings).extracting(Finding::rule).contains(id);
		Finding finding = findings.stream().filter((f) -> f.rule().equals(id)).findFirst().orElseThrow();
		assertThat(finding.severity()).isEqualTo(rule.severity());
		assertThat(finding.programs()).isEqualTo(rule.programs());
		assertThat(finding.source()).isNotBlank();
		assertThat(ScreeningEngine.evaluate(SHIPPED, CLEAN, 40)).extracting(Finding::rule).doesNotContain(id);
	}

	@Test
	void bloodPressureFiresAboveEitherLimitOnly() {
		assertThat(ScreeningEngine.evaluate(SHIPPED, answers(List.of(), List.of(), List.of(), new Vitals(140, 90, 70)),
				40))
			.as("at the limit")
			.isEmpty();
		assertThat(ScreeningEngine.evaluate(SHIPPED, answers(List.of(), List.of(), List.of(), new Vitals(141, 80, 70)),
				40))
			.extracting(Finding::condition)
			.containsExactly("BLOOD_PRESSURE");
		assertThat(ScreeningEngine.evaluate(SHIPPED, answers(List.of(), List.of(), List.of(), new Vitals(120, 91, 70)),
				40))
			.extracting(Finding::condition)
			.containsExactly("BLOOD_PRESSURE");
	}

	@Test
	void diagnosisRulesMatchMoreSpecificCodesButNotLookAlikes() {
		assertThat(ScreeningEngine.evaluate(SHIPPED, answers(List.of("F20.0"), List.of(), List.of(), null), 40))
			.extracting(Finding::rule)
			.contains("DX_F20_SCHIZOPHRENIA");
		assertThat(ScreeningEngine.evaluate(SHIPPED, answers(List.of("F31.81"), List.of(), List.of(), null), 40))
			.as("bipolar II is not mania")
			.isEmpty();
	}

	@Test
	void esketamineIsRuledOutUnderEighteenButRacemicIsOnlyRelative() {
		List<Finding> findings = ScreeningEngine.evaluate(SHIPPED, CLEAN, 16);

		assertThat(findings).filteredOn((f) -> f.appliesTo(Program.ESKETAMINE))
			.extracting(Finding::severity)
			.containsExactly(Severity.ABSOLUTE);
		assertThat(findings).filteredOn((f) -> f.appliesTo(Program.KAP))
			.extracting(Finding::severity)
			.containsExactly(Severity.RELATIVE);
	}

	static Stream<org.junit.jupiter.params.provider.Arguments> rules() {
		return SHIPPED.rules().stream().map((rule) -> org.junit.jupiter.params.provider.Arguments.of(rule.id(), rule));
	}

	private static IntakeAnswers trigger(Rule rule) {
		return switch (rule.kind()) {
			case CONDITION -> answers(List.of(), List.of(rule.match()), List.of(), CLEAN.vitals());
			case MEDICATION ->
				answers(List.of(), List.of(), List.of(new Medication("test drug", rule.match())), CLEAN.vitals());
			case DIAGNOSIS -> answers(List.of(rule.match().contains(".") ? rule.match() : rule.match() + ".0"),
					List.of(), List.of(), CLEAN.vitals());
			case BLOOD_PRESSURE -> answers(List.of(), List.of(), List.of(), new Vitals(182, 104, 90));
			case AGE -> CLEAN;
		};
	}

	static IntakeAnswers answers(List<String> diagnoses, List<String> conditions, List<Medication> medications,
			Vitals vitals) {
		return new IntakeAnswers(new ArrayList<>(diagnoses), conditions, medications, List.of(), vitals, null, null,
				null, null);
	}

	private static RuleSet shipped() {
		try (InputStream in = new ClassPathResource("eligibility/rule-sets/2026.12-1.json").getInputStream()) {
			return RuleSet.parse(JsonMapper.builder().build().readTree(in));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
