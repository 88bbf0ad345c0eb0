package org.kapclinic.measures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import org.kapclinic.shared.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Scoring as published (clinical.md 4.1), at every band boundary and every special rule.
 */
class ScorerTests {

	static final InstrumentLibrary LIBRARY = new InstrumentLibrary(JsonMapper.builder().build());

	@ParameterizedTest(name = "PHQ-9 total {0} is {1}")
	@CsvSource({ "0,minimal", "4,minimal", "5,mild", "9,mild", "10,moderate", "14,moderate", "15,moderately-severe",
			"19,moderately-severe", "20,severe", "27,severe" })
	void phq9Bands(int total, String severity) {
		Score score = score("PHQ-9", spread(total, 9, 3, 0));
		assertThat(score.total()).isEqualByComparingTo(BigDecimal.valueOf(total));
		assertThat(score.severity()).isEqualTo(severity);
		assertThat(score.complete()).isTrue();
	}

	@Test
	void phq9Item9RaisesTheSuicideRiskFlagAndItem10IsNotScored() {
		List<Integer> answers = new ArrayList<>(Collections.nCopies(10, 0));
		answers.set(8, 1);
		answers.set(9, 3);
		Score score = score("PHQ-9", answers);
		assertThat(score.total()).isEqualByComparingTo("1");
		assertThat(score.flags()).containsExactly("suicide-risk");
		assertThat(score("PHQ-9", spread(27, 9, 3, 0).subList(0, 10)).flags()).contains("suicide-risk");
		assertThat(score("PHQ-9", new ArrayList<>(Collections.nCopies(10, 0))).flags()).isEmpty();
	}

	@Test
	void aMissingScoredAnswerLeavesNoTotalAndNoSeverity() {
		List<Integer> answers = new ArrayList<>(Collections.nCopies(10, 1));
		answers.set(3, null);
		Score score = score("PHQ-9", answers);
		assertThat(score.complete()).isFalse();
		assertThat(score.total()).isNull();
		assertThat(score.severity()).isNull();

		List<Integer> difficultyMissing = new ArrayList<>(Collections.nCopies(10, 1));
		difficultyMissing.set(9, null);
		assertThat(score("PHQ-9", difficultyMissing).complete()).as("item 10 is not scored").isTrue();
	}

	@Test
	void answersOutOfRangeOrOfTheWrongCountAreRefused() {
		List<Integer> answers = new ArrayList<>(Collections.nCopies(10, 0));
		answers.set(2, 4);
		assertThatThrownBy(() -> score("PHQ-9", answers)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("answers[2]");
		assertThatThrownBy(() -> score("PHQ-9", List.of(1, 2, 3))).isInstanceOf(InvalidInputException.class);
	}

	@ParameterizedTest(name = "GAD-7 total {0} is {1}")
	@CsvSource({ "0,minimal", "4,minimal", "5,mild", "9,mild", "10,moderate", "14,moderate", "15,severe", "21,severe" })
	void gad7Bands(int total, String severity) {
		assertThat(score("GAD-7", spread(total, 7, 3, 0)).severity()).isEqualTo(severity);
	}

	@Test
	void phq2SumsItsTwoItems() {
		assertThat(score("PHQ-2", List.of(3, 2)).total()).isEqualByComparingTo("5");
	}

	@ParameterizedTest(name = "PCL-5 total {0}: probable PTSD {1}")
	@CsvSource({ "0,false", "32,false", "33,true", "80,true" })
	void pcl5CutOff(int total, boolean probable) {
		assertThat(score("PCL-5", spread(total, 20, 4, 0)).flags().contains("probable-ptsd")).isEqualTo(probable);
	}

	@Test
	void pcl5ClusterSubscoresAndTheDsm5Algorithm() {
		// B: items 1-5, C: 6-7, D: 8-14, E: 15-20. Endorsed means rated 2 or more.
		Integer[] answers = { 2, 0, 0, 0, 0, 2, 0, 2, 2, 0, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0 };
		Score meets = score("PCL-5", Arrays.asList(answers));
		assertThat(meets.subscales()).containsEntry("B", 2)
			.containsEntry("C", 2)
			.containsEntry("D", 4)
			.containsEntry("E", 4);
		assertThat(meets.total()).isEqualByComparingTo("12");
		assertThat(meets.flags()).containsExactly("provisional-ptsd-dsm5");

		answers[15] = 1;
		assertThat(score("PCL-5", Arrays.asList(answers)).flags()).as("only one E symptom endorsed").isEmpty();
	}

	@ParameterizedTest(name = "AUDIT total {0} is {1}")
	@CsvSource({ "0,low-risk", "7,low-risk", "8,hazardous", "15,hazardous", "16,harmful", "19,harmful",
			"20,possible-dependence", "40,possible-dependence" })
	void auditZones(int total, String zone) {
		assertThat(score("AUDIT", audit(total)).severity()).isEqualTo(zone);
	}

	@Test
	void auditItems9And10TakeOnly024() {
		List<Integer> answers = new ArrayList<>(Collections.nCopies(10, 0));
		answers.set(8, 1);
		assertThatThrownBy(() -> score("AUDIT", answers)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("answers[8]");
		answers.set(8, 4);
		answers.set(9, 2);
		assertThat(score("AUDIT", answers).total()).isEqualByComparingTo("6");
	}

	@Test
	void auditCIsPositiveAtFourForMenAndThreeForWomen() {
		Instrument auditC = LIBRARY.find("AUDIT-C").orElseThrow();
		assertThat(Scorer.score(auditC, List.of(1, 1, 1), Instrument.Flag::atLeast, true).flags())
			.containsExactly("positive");
		assertThat(Scorer.score(auditC, List.of(1, 1, 1), Instrument.Flag::atLeast, false).flags()).isEmpty();
		assertThat(Scorer.score(auditC, List.of(2, 1, 1), Instrument.Flag::atLeast, false).flags())
			.containsExactly("positive");
		assertThat(Scorer.score(auditC, List.of(1, 1, 1), Instrument.Flag::atLeast, null).flags())
			.as("unknown sex: the cautious cut-off")
			.containsExactly("positive");
	}

	@Test
	void pegIsTheMeanOfItsThreeItems() {
		assertThat(score("PEG", List.of(7, 5, 4)).total()).isEqualByComparingTo("5.3");
	}

	@Test
	void scoreEntryChecksTheRangeAndCssrsRaisesRiskFromModerate() {
		Instrument madrs = LIBRARY.find("MADRS").orElseThrow();
		assertThat(Scorer.entered(madrs, new BigDecimal("22"), null, null).total()).isEqualByComparingTo("22");
		assertThatThrownBy(() -> Scorer.entered(madrs, new BigDecimal("61"), null, null))
			.isInstanceOf(InvalidInputException.class);

		Instrument cssrs = LIBRARY.find("C-SSRS").orElseThrow();
		assertThat(Scorer.entered(cssrs, null, "low", null).flags()).isEmpty();
		assertThat(Scorer.entered(cssrs, null, "moderate", null).flags()).containsExactly("suicide-risk");
		assertThat(Scorer.entered(cssrs, null, "high", null).flags()).containsExactly("suicide-risk");
		assertThatThrownBy(() -> Scorer.entered(cssrs, null, "unknown", null))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void qidsItem12RaisesTheSuicideRiskFlag() {
		Instrument qids = LIBRARY.find("QIDS-SR16").orElseThrow();
		assertThat(Scorer.entered(qids, new BigDecimal("11"), null, java.util.Map.of("12", 1)).flags())
			.containsExactly("suicide-risk");
		assertThat(Scorer.entered(qids, new BigDecimal("11"), null, java.util.Map.of("12", 0)).flags()).isEmpty();
		assertThat(Scorer.entered(qids, new BigDecimal("11"), null, null).severity()).isEqualTo("moderate");
	}

	@Test
	void aConfiguredCutOffReplacesThePublishedOne() {
		Instrument pcl5 = LIBRARY.find("PCL-5").orElseThrow();
		List<Integer> answers = spread(31, 20, 4, 0);
		assertThat(
				Scorer.score(pcl5, answers, (flag) -> (flag.configKey() != null) ? 31 : flag.atLeast(), null).flags())
			.contains("probable-ptsd");
	}

	static Score score(String code, List<Integer> answers) {
		return Scorer.score(LIBRARY.find(code).orElseThrow(), answers, Instrument.Flag::atLeast, null);
	}

	/**
	 * {@code items} answers in 0..max summing to {@code total}, plus {@code extra}
	 * unscored zeros.
	 */
	static List<Integer> spread(int total, int items, int max, int extra) {
		List<Integer> answers = new ArrayList<>();
		int left = total;
		for (int i = 0; i < items; i++) {
			int value = Math.min(max, left);
			answers.add(value);
			left -= value;
		}
		answers.addAll(Collections.nCopies(extra, 0));
		if (items == 9) {
			answers.add(0);
		}
		return answers;
	}

	/**
	 * AUDIT answers summing to {@code total}: items 1-8 take 0-4, items 9-10 take 0, 2 or
	 * 4.
	 */
	private static List<Integer> audit(int total) {
		List<Integer> answers = new ArrayList<>();
		int left = total;
		for (int i = 0; i < 8; i++) {
			int value = Math.min(4, left);
			answers.add(value);
			left -= value;
		}
		for (int i = 0; i < 2; i++) {
			int value = Math.min(4, left - (left % 2));
			answers.add(value);
			left -= value;
		}
		return answers;
	}

}
