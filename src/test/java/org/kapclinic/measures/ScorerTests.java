package org.kapclinic.measures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
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

	@ParameterizedTest(name = "Alcohol abstinence answer {0} is {1}")
	@CsvSource({ "0,abstinent-since-first-dose", "1,abstinent-past-30-days", "2,drank-in-past-30-days" })
	void alcoholAbstinenceBandsNameTheAnswers(int answer, String band) {
		assertThat(score("ALCOHOL-ABSTINENCE", List.of(answer)).severity()).isEqualTo(band);
		assertThat(score("ALCOHOL-ABSTINENCE", List.of(answer)).total()).isEqualByComparingTo(String.valueOf(answer));
	}

	@Test
	@DisplayName("Bladder checklist (issue 19; ketamine cystitis, Ketalar and Spravato warnings): any yes flags, once")
	void bladderChecklistFlagsAnySymptomOnceAndBloodInTheUrineOnItsOwn() {
		Score none = score("BLADDER-CHECKLIST", List.of(0, 0, 0, 0, 0, 0));
		assertThat(none.severity()).isEqualTo("no-symptoms");
		assertThat(none.flags()).isEmpty();
		Score dysuria = score("BLADDER-CHECKLIST", List.of(0, 0, 1, 0, 0, 0));
		assertThat(dysuria.severity()).isEqualTo("symptoms-reported");
		assertThat(dysuria.flags()).containsExactly("bladder-symptoms");
		assertThat(score("BLADDER-CHECKLIST", List.of(0, 0, 0, 0, 1, 0)).flags())
			.as("blood in the urine raises the one flag, listed once")
			.containsExactly("bladder-symptoms");
		Score unfinished = score("BLADDER-CHECKLIST", Arrays.asList(null, null, null, null, 1, null));
		assertThat(unfinished.complete()).isFalse();
		assertThat(unfinished.flags()).as("blood in the urine on a form not finished")
			.containsExactly("bladder-symptoms");
	}

	@Test
	void alcoholAbstinenceTakesOnlyItsThreeAnswers() {
		assertThatThrownBy(() -> score("ALCOHOL-ABSTINENCE", List.of(3))).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("answers[0]");
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
	@DisplayName("MDQ positive needs >= 7 yes in part 1 (Hirschfeld 2000): 6 yes is negative, 7 yes with part 2 yes and part 3 moderate is positive")
	void mdqPart1Boundary() {
		assertThat(mdq(6, 1, 2).flags()).isEmpty();
		Score seven = mdq(7, 1, 2);
		assertThat(seven.flags()).containsExactly("mdq-positive");
		assertThat(seven.total()).as("the total is the Part 1 count").isEqualByComparingTo("7");
	}

	@Test
	@DisplayName("MDQ positive needs part 2 yes (Hirschfeld 2000): 13 yes with part 2 no is negative")
	void mdqPart2() {
		assertThat(mdq(13, 0, 3).flags()).isEmpty();
	}

	@Test
	@DisplayName("MDQ positive needs a moderate or serious problem in part 3 (Hirschfeld 2000): minor is negative, moderate and serious are positive")
	void mdqPart3() {
		assertThat(mdq(7, 1, 1).flags()).isEmpty();
		assertThat(mdq(7, 1, 2).flags()).containsExactly("mdq-positive");
		assertThat(mdq(7, 1, 3).flags()).containsExactly("mdq-positive");
	}

	@Test
	@DisplayName("MDQ without part 2 or part 3 is incomplete, not negative (Hirschfeld 2000)")
	void mdqWithoutPart3IsIncomplete() {
		List<Integer> answers = mdqAnswers(9, 1, 2);
		answers.set(14, null);
		Score score = Scorer.enteredAnswers(LIBRARY.find("MDQ").orElseThrow(), answers, null, Instrument.Flag::atLeast,
				null);
		assertThat(score.complete()).isFalse();
		assertThat(score.flags()).isEmpty();
	}

	@ParameterizedTest(name = "PHQ-2 answers {0}+{1}: positive {2}")
	@CsvSource({ "1,1,false", "2,0,false", "2,1,true", "3,0,true", "3,3,true" })
	@DisplayName("PHQ-2 total >= 3 is a positive screen (Kroenke 2003): 2 is negative, 3 is positive")
	void phq2PositiveScreen(int first, int second, boolean positive) {
		assertThat(score("PHQ-2", List.of(first, second)).flags().contains("phq2-positive")).isEqualTo(positive);
	}

	@Test
	@DisplayName("QIDS-SR16 total is the sum of 9 domains, never of the 16 items (Rush 2003): sleep, appetite/weight and psychomotor count their highest item")
	void qidsDomainMaximum() {
		Instrument qids = LIBRARY.find("QIDS-SR16").orElseThrow();
		// sleep items 1-4: 1,3,2,0 -> 3; item 5: 2; appetite/weight 6-9: 0,1,2,3 -> 3;
		// items 10-14: 1,1,0,2,1 -> 5; psychomotor 15-16: 2,1 -> 2. Total 15 (items sum
		// 22).
		List<Integer> answers = List.of(1, 3, 2, 0, 2, 0, 1, 2, 3, 1, 1, 0, 2, 1, 2, 1);
		Score score = Scorer.enteredAnswers(qids, answers, null, Instrument.Flag::atLeast, null);
		assertThat(score.total()).isEqualByComparingTo("15");
		assertThat(score.severity()).isEqualTo("moderate");
		assertThat(score.flags()).isEmpty();
		assertThat(Scorer.qidsDomainTotal(byId(List.of(3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3))))
			.as("all items at 3: 9 domains x 3")
			.isEqualTo(27);
	}

	@Test
	@DisplayName("QIDS-SR16 item scores sent as a map are scored by domain (Rush 2003); a total that disagrees is 400 naming total; item 12 >= 1 raises suicide-risk")
	void qidsItemScoresMap() {
		Instrument qids = LIBRARY.find("QIDS-SR16").orElseThrow();
		java.util.Map<String, Integer> items = new java.util.HashMap<>();
		for (int i = 1; i <= 16; i++) {
			items.put(String.valueOf(i), 1);
		}
		List<Integer> answers = Scorer.answersFrom(qids, items);
		assertThat(Scorer.enteredAnswers(qids, answers, new BigDecimal("9"), Instrument.Flag::atLeast, null).flags())
			.containsExactly("suicide-risk");
		assertThatThrownBy(
				() -> Scorer.enteredAnswers(qids, answers, new BigDecimal("16"), Instrument.Flag::atLeast, null))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("total");
		items.put("17", 1);
		assertThatThrownBy(() -> Scorer.answersFrom(qids, items)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("itemScores.17");
		assertThat(Scorer.answersFrom(qids, java.util.Map.of("12", 1))).as("partial: only the total counts").isNull();
	}

	@Test
	void aConfiguredCutOffReplacesThePublishedOne() {
		Instrument pcl5 = LIBRARY.find("PCL-5").orElseThrow();
		List<Integer> answers = spread(31, 20, 4, 0);
		assertThat(
				Scorer.score(pcl5, answers, (flag) -> (flag.configKey() != null) ? 31 : flag.atLeast(), null).flags())
			.contains("probable-ptsd");
	}

	/** MDQ answers: {@code yes} of the 13 Part 1 items, then Part 2 and Part 3. */
	private static Score mdq(int yes, int part2, int part3) {
		return Scorer.enteredAnswers(LIBRARY.find("MDQ").orElseThrow(), mdqAnswers(yes, part2, part3), null,
				Instrument.Flag::atLeast, null);
	}

	static List<Integer> mdqAnswers(int yes, int part2, int part3) {
		List<Integer> answers = new ArrayList<>();
		for (int i = 0; i < 13; i++) {
			answers.add((i < yes) ? 1 : 0);
		}
		answers.add(part2);
		answers.add(part3);
		return answers;
	}

	private static java.util.Map<String, Integer> byId(List<Integer> answers) {
		java.util.Map<String, Integer> byId = new java.util.HashMap<>();
		for (int i = 0; i < answers.size(); i++) {
			byId.put(String.valueOf(i + 1), answers.get(i));
		}
		return byId;
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
