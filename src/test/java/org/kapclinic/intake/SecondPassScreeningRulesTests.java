package org.kapclinic.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.kapclinic.intake.IntakeAnswers.Medication;
import org.kapclinic.intake.IntakeAnswers.Vitals;
import org.kapclinic.shared.InvalidInputException;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.kapclinic.intake.ScreeningEngineTests.SHIPPED;
import static org.kapclinic.intake.ScreeningEngineTests.answers;

/**
 * The rules added by rule set 2026.12-1 (issue 13), each at its boundary and per program.
 */
class SecondPassScreeningRulesTests {

	private static final Vitals NORMAL = new Vitals(122, 78, 70);

	@Test
	@DisplayName("Ketalar §4: a baseline of 180/110 is an absolute contraindication for IV racemic ketamine, 179/109 is not")
	void ceilingIsAbsoluteForRacemicKetamineFromItsValueOn() {
		assertThat(ceilingSeverities(new Vitals(180, 110, 70))).containsEntry(Program.IV_INFUSION, Severity.ABSOLUTE)
			.containsEntry(Program.KAP, Severity.ABSOLUTE);
		assertThat(ceilingSeverities(new Vitals(180, 80, 70))).as("systolic alone")
			.containsEntry(Program.IV_INFUSION, Severity.ABSOLUTE);
		assertThat(ceilingSeverities(new Vitals(150, 110, 70))).as("diastolic alone")
			.containsEntry(Program.IV_INFUSION, Severity.ABSOLUTE);
		assertThat(ceilingSeverities(new Vitals(179, 109, 70))).isEmpty();
		assertThat(findings(answers(List.of(), List.of(), List.of(), new Vitals(179, 109, 70))))
			.extracting(Finding::rule)
			.as("179/109 is still above the 140/90 precaution limit")
			.containsExactly("BLOOD_PRESSURE_ABOVE_LIMIT");
	}

	@Test
	@DisplayName("Spravato W&P (clinical.md §3): a baseline of 180/110 is relative for esketamine, not absolute")
	void ceilingIsRelativeForEsketamine() {
		assertThat(ceilingSeverities(new Vitals(180, 110, 70))).containsEntry(Program.ESKETAMINE, Severity.RELATIVE);
		assertThat(ceilingSeverities(new Vitals(179, 109, 70))).doesNotContainKey(Program.ESKETAMINE);
	}

	@Test
	@DisplayName("Ketalar §4: uncontrolled hypertension is absolute for KAP and IV racemic ketamine, relative for esketamine; controlled hypertension stays relative")
	void uncontrolledHypertensionIsAbsoluteForRacemicKetamineOnly() {
		assertThat(severities(condition("UNCONTROLLED_HYPERTENSION"))).isEqualTo(Map.of(Program.KAP, Severity.ABSOLUTE,
				Program.IV_INFUSION, Severity.ABSOLUTE, Program.ESKETAMINE, Severity.RELATIVE));
		assertThat(severities(condition("HYPERTENSION"))).isEqualTo(Map.of(Program.KAP, Severity.RELATIVE,
				Program.IV_INFUSION, Severity.RELATIVE, Program.ESKETAMINE, Severity.RELATIVE));
	}

	@Test
	@DisplayName("Spravato PI (clinical.md §2.1): a history of hypertensive encephalopathy asks for closer monitoring, relative for every program")
	void hypertensiveEncephalopathyHistoryIsRelative() {
		assertThat(severities(condition("HYPERTENSIVE_ENCEPHALOPATHY_HISTORY"))).isEqualTo(Map.of(Program.KAP,
				Severity.RELATIVE, Program.IV_INFUSION, Severity.RELATIVE, Program.ESKETAMINE, Severity.RELATIVE));
	}

	@Test
	@DisplayName("spravato.com limitations of use, not a substitute for hospitalization (clinic policy): acute suicidality needing higher care is absolute for all three outpatient programs")
	void acuteSuicidalityNeedingHigherCareRulesOutOutpatientTreatment() {
		assertThat(severities(condition("ACUTE_SUICIDALITY_NEEDS_HIGHER_CARE"))).isEqualTo(Map.of(Program.KAP,
				Severity.ABSOLUTE, Program.IV_INFUSION, Severity.ABSOLUTE, Program.ESKETAMINE, Severity.ABSOLUTE));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "NON_BENZODIAZEPINE_HYPNOTIC", "OPIOID", "OTHER_CNS_DEPRESSANT", "PSYCHOSTIMULANT",
			"STIMULANT", "MAOI" })
	@DisplayName("clinical.md §2.1/§3: CNS depressants raise sedation, psychostimulants and MAOIs raise BP: relative for every program; document")
	void concomitantMedicationsAreRelativeForEveryProgram(String drugClass) {
		List<Finding> findings = findings(
				answers(List.of(), List.of(), List.of(new Medication("test drug", drugClass)), NORMAL));

		assertThat(findings).extracting(Finding::condition).containsOnly("MEDICATION");
		assertThat(findings).extracting(Finding::detail).containsOnly("test drug");
		assertThat(severities(findings)).isEqualTo(Map.of(Program.KAP, Severity.RELATIVE, Program.IV_INFUSION,
				Severity.RELATIVE, Program.ESKETAMINE, Severity.RELATIVE));
	}

	@Test
	@DisplayName("clinical.md §3 psychosis row: schizotypal disorder (F21) triggers a psychosis finding as relative as schizophrenia (F20)")
	void schizotypalDisorderJoinsThePsychosisRule() {
		List<Finding> f21 = findings(answers(List.of("F21"), List.of(), List.of(), NORMAL));
		List<Finding> f20 = findings(answers(List.of("F20.0"), List.of(), List.of(), NORMAL));

		assertThat(f21).extracting(Finding::rule).containsExactly("DX_F21_SCHIZOTYPAL_DISORDER");
		assertThat(f21).extracting(Finding::condition).containsExactly("DIAGNOSIS");
		assertThat(severities(f21)).isEqualTo(severities(f20));
		assertThat(f21.get(0).programs()).isEqualTo(f20.get(0).programs());
		assertThat(findings(answers(List.of("F22"), List.of(), List.of(), NORMAL))).extracting(Finding::rule)
			.doesNotContain("DX_F21_SCHIZOTYPAL_DISORDER");
	}

	@Test
	@DisplayName("Every condition code and every drug class but OTHER and UNCLASSIFIED has a rule in 2026.12-1, with a source and a confidence")
	void everyCodeHasASourcedRule() {
		for (ConditionCode code : ConditionCode.values()) {
			assertThat(SHIPPED.rules()).as(code.name())
				.anyMatch((rule) -> rule.kind() == RuleSet.Kind.CONDITION && rule.match().equals(code.name()));
		}
		for (DrugClass drugClass : DrugClass.values()) {
			// UNCLASSIFIED never reaches screening: an intake with one cannot be
			// submitted.
			if (drugClass != DrugClass.OTHER && drugClass != DrugClass.UNCLASSIFIED) {
				assertThat(SHIPPED.rules()).as(drugClass.name())
					.anyMatch(
							(rule) -> rule.kind() == RuleSet.Kind.MEDICATION && rule.match().equals(drugClass.name()));
			}
		}
		assertThat(SHIPPED.rules()).allSatisfy((rule) -> {
			assertThat(rule.source()).isNotBlank();
			assertThat(rule.confidence()).isIn("VERIFIED", "PARTLY", "UNVERIFIED");
		});
		assertThat(SHIPPED.version()).isEqualTo("2026.12-1");
		assertThat(SHIPPED.bloodPressure().absoluteCeilingSystolic()).isEqualTo(180);
		assertThat(SHIPPED.bloodPressure().absoluteCeilingDiastolic()).isEqualTo(110);
	}

	@Test
	@DisplayName("A rule set with a ceiling rule but no ceiling is refused, naming thresholds.bloodPressure")
	void aCeilingRuleNeedsACeiling() throws IOException {
		ObjectNode document = (ObjectNode) document("2026.12-1");
		((ObjectNode) document.get("thresholds").get("bloodPressure")).remove("absoluteCeilingDiastolic");

		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> RuleSet.parse(document))
			.satisfies((ex) -> assertThat(ex.problems()).extracting((problem) -> problem.field())
				.containsExactly("thresholds.bloodPressure"));
	}

	@Test
	@DisplayName("Rule set 2026.11-1 still parses and evaluates as published: no ceiling, 182/104 is only above the 140/90 limit")
	void theOldVersionStillEvaluatesAsPublished() throws IOException {
		RuleSet old = RuleSet.parse(document("2026.11-1"));

		assertThat(old.version()).isEqualTo("2026.11-1");
		assertThat(old.bloodPressure().absoluteCeilingSystolic()).isNull();
		assertThat(
				ScreeningEngine.evaluate(old, answers(List.of(), List.of(), List.of(), new Vitals(182, 104, 70)), 40))
			.extracting(Finding::rule)
			.containsExactly("BLOOD_PRESSURE_ABOVE_LIMIT");
	}

	private static Map<Program, Severity> ceilingSeverities(Vitals vitals) {
		return severities(findings(answers(List.of(), List.of(), List.of(), vitals)).stream()
			.filter((finding) -> finding.rule().startsWith("BLOOD_PRESSURE_AT_OR_ABOVE_CEILING"))
			.toList());
	}

	private static IntakeAnswers condition(String code) {
		return answers(List.of(), List.of(code), List.of(), NORMAL);
	}

	private static List<Finding> findings(IntakeAnswers intake) {
		return ScreeningEngine.evaluate(SHIPPED, intake, 40);
	}

	/** The severity each program gets from the findings; each program at most once. */
	private static Map<Program, Severity> severities(List<Finding> findings) {
		Map<Program, Severity> severities = new EnumMap<>(Program.class);
		for (Finding finding : findings) {
			for (Program program : finding.programs()) {
				assertThat(severities.put(program, finding.severity())).as("one finding per program: " + program)
					.isNull();
			}
		}
		return severities;
	}

	private static Map<Program, Severity> severities(IntakeAnswers intake) {
		return severities(findings(intake));
	}

	private static JsonNode document(String version) throws IOException {
		try (InputStream in = new ClassPathResource("eligibility/rule-sets/" + version + ".json").getInputStream()) {
			return JsonMapper.builder().build().readTree(in);
		}
	}

}
