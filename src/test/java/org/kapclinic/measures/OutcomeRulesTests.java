package org.kapclinic.measures;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.kapclinic.measures.MeasurementSummary.BaselineUsed;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each instrument's own outcome definitions (its file; clinical.md 4.2), at their
 * boundaries.
 */
class OutcomeRulesTests {

	private static final OutcomeRules RULES = new OutcomeRules(null, null, null);

	@ParameterizedTest(name = "PHQ-9 latest {0}: remission {1}")
	@CsvSource({ "4,true", "5,false" })
	@DisplayName("PHQ-9 remission is a total < 5 (clinical.md 4.2): 4 remits, 5 does not")
	void phq9Remission(int latest, boolean remission) {
		assertThat(summarise(RULES, "PHQ-9", 20, latest).remission()).isEqualTo(remission);
	}

	@ParameterizedTest(name = "MADRS latest {0}: remission {1}")
	@CsvSource({ "10,true", "11,false" })
	@DisplayName("MADRS remission is a total <= 10 (clinical.md 4.2): 10 remits, 11 does not")
	void madrsRemission(int latest, boolean remission) {
		assertThat(summarise(RULES, "MADRS", 40, latest).remission()).isEqualTo(remission);
	}

	@ParameterizedTest(name = "MADRS {0} -> {1}: response {2}")
	@CsvSource({ "50,25,true", "51,26,false" })
	@DisplayName("Response is a >= 50 % reduction (MADRS, Talati 2019; clinical.md 4.2): 50 % responds, 49 % does not")
	void fiftyPercentResponse(int baseline, int latest, boolean response) {
		MeasurementSummary summary = summarise(RULES, "MADRS", baseline, latest);
		assertThat(summary.response()).isEqualTo(response);
		assertThat(summary.percentChange()).isEqualByComparingTo(response ? "50.0" : "49.0");
	}

	@ParameterizedTest(name = "Y-BOCS 40 -> {0}: response {1}")
	@CsvSource({ "26,true", "27,false" })
	@DisplayName("Y-BOCS response is a >= 35 % reduction (clinical.md 4.1, U), not 50 %: 35 % responds, 32.5 % does not")
	void ybocsResponse(int latest, boolean response) {
		assertThat(summarise(RULES, "Y-BOCS", 40, latest).response()).isEqualTo(response);
		assertThat(summarise(RULES, "Y-BOCS", 40, latest).remission()).as("no published remission").isNull();
	}

	@Test
	@DisplayName("AUDIT, CADSS, MDQ and PAIN-NRS publish no response or remission: null, never false (clinical.md 4.2)")
	void noDefinitionIsNull() {
		for (String code : new String[] { "AUDIT", "CADSS", "MDQ", "PAIN-NRS" }) {
			MeasurementSummary summary = summarise(RULES, code, 10, 2);
			assertThat(summary.response()).as(code).isNull();
			assertThat(summary.remission()).as(code).isNull();
			assertThat(summary.reliableImprovement()).as(code).isNull();
			assertThat(summary.meaningfulChange()).as(code).isNull();
		}
	}

	@Test
	@DisplayName("PCL-5: 10 points is a minimal important difference (Blanchard 2023), reliable change needs 15 (Marx 2022)")
	void pcl5MinimalImportantDifferenceIsNotReliableChange() {
		MeasurementSummary ten = summarise(RULES, "PCL-5", 50, 40);
		assertThat(ten.meaningfulChange().kind()).isEqualTo("MINIMAL_IMPORTANT_DIFFERENCE");
		assertThat(ten.meaningfulChange().met()).isTrue();
		assertThat(ten.reliableChange().kind()).isEqualTo("RELIABLE_CHANGE_INDEX");
		assertThat(ten.reliableChange().met()).isFalse();
		assertThat(ten.reliableImprovement()).isFalse();
		assertThat(summarise(RULES, "PCL-5", 50, 35).reliableChange().met()).isTrue();
		assertThat(summarise(RULES, "PCL-5", 50, 41).meaningfulChange().met()).isFalse();
	}

	@Test
	@DisplayName("PHQ-9 reliable improvement is a drop of >= 6 (NHS Talking Therapies); kap.measures.reliable-improvement.<CODE> still replaces it")
	void reliableImprovementSettingStillWorks() {
		assertThat(summarise(RULES, "PHQ-9", 15, 9).reliableImprovement()).isTrue();
		assertThat(summarise(RULES, "PHQ-9", 15, 10).reliableImprovement()).isFalse();
		OutcomeRules configured = new OutcomeRules(null, Map.of("PHQ-9", 5, "AUDIT", 3), null);
		assertThat(summarise(configured, "PHQ-9", 15, 10).reliableImprovement()).isTrue();
		MeasurementSummary audit = summarise(configured, "AUDIT", 10, 7);
		assertThat(audit.reliableImprovement()).isTrue();
		assertThat(audit.reliableChange().kind()).isEqualTo("CLINIC_SETTING");
		assertThat(audit.response()).as("a setting adds no response definition").isNull();
	}

	private static MeasurementSummary summarise(OutcomeRules rules, String code, int baseline, int latest) {
		Instant at = Instant.parse("2026-03-01T10:00:00Z");
		return rules.summarise(code, ScorerTests.LIBRARY.find(code).orElseThrow(), 2,
				new BaselineUsed("FIRST_COMPLETE", BigDecimal.valueOf(baseline), at, null, null, null),
				BigDecimal.valueOf(latest), at.plusSeconds(86400), (key, published) -> published);
	}

}
