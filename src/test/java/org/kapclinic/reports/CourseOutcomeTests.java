package org.kapclinic.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.kapclinic.reports.CourseOutcome.Score;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cohort rules of the outcomes report at their edges (issue 18: "baseline window,
 * follow-up window edges"): a baseline at most 30 days before the first dose and not
 * after it; a follow-up within 14 days of its target and after the first dose.
 */
class CourseOutcomeTests {

	private static final Instant FIRST_DOSE = Instant.parse("2026-03-02T15:00:00Z");

	private static final Instant LAST_DOSE = Instant.parse("2026-03-20T15:00:00Z");

	private static final Duration THIRTY_DAYS = Duration.ofDays(30);

	private static final Duration FOURTEEN_DAYS = Duration.ofDays(14);

	@Test
	void theBaselineIsTheLastScoreInTheThirtyDaysUpToTheFirstDose() {
		Score tooEarly = score(FIRST_DOSE.minus(THIRTY_DAYS).minusSeconds(1), 25);
		Score edge = score(FIRST_DOSE.minus(THIRTY_DAYS), 24);
		assertThat(outcome(tooEarly).baseline()).as("30 days and a second before: too old").isNull();
		assertThat(outcome(tooEarly, edge).baseline()).isEqualTo(edge);

		Score atTheDose = score(FIRST_DOSE, 22);
		Score after = score(FIRST_DOSE.plusSeconds(1), 5);
		assertThat(outcome(edge, atTheDose, after).baseline()).as("on or before the dose, the latest")
			.isEqualTo(atTheDose);
	}

	@Test
	void aFollowUpIsTheNearestScoreWithinFourteenDaysOfItsTarget() {
		Instant oneMonth = Instant.parse("2026-04-02T15:00:00Z");
		Score late = score(oneMonth.plus(FOURTEEN_DAYS), 12);
		Score tooLate = score(oneMonth.plus(FOURTEEN_DAYS).plusSeconds(1), 11);
		assertThat(outcome(tooLate).followUps()).doesNotContainKey(FollowUpWindow.M1);
		assertThat(outcome(late, tooLate).followUps()).containsEntry(FollowUpWindow.M1, late);

		Score before = score(oneMonth.minus(Duration.ofDays(3)), 9);
		Score afterTarget = score(oneMonth.plus(Duration.ofDays(3)), 8);
		assertThat(outcome(before, afterTarget, late).followUps().get(FollowUpWindow.M1))
			.as("equally near: the earlier")
			.isEqualTo(before);
	}

	@Test
	void theEndOfCourseAimsAtTheLastDoseAndNeverUsesTheBaseline() {
		Score baseline = score(FIRST_DOSE.minus(Duration.ofDays(2)), 20);
		Score endOfCourse = score(LAST_DOSE.plus(Duration.ofDays(1)), 7);
		CourseOutcome outcome = outcome(baseline, endOfCourse);
		assertThat(outcome.followUps()).containsEntry(FollowUpWindow.END_OF_COURSE, endOfCourse);

		// A course of one dose: the end of course is the first dose, and the baseline on
		// that day is not its own follow-up.
		CourseOutcome single = CourseOutcome.of(List.of(baseline), FIRST_DOSE, FIRST_DOSE, THIRTY_DAYS, FOURTEEN_DAYS);
		assertThat(single.followUps()).isEmpty();
	}

	@Test
	void windowsAreCalendarMonthsAfterTheFirstDose() {
		assertThat(FollowUpWindow.M3.target(FIRST_DOSE, LAST_DOSE)).isEqualTo(Instant.parse("2026-06-02T15:00:00Z"));
		assertThat(FollowUpWindow.M12.target(FIRST_DOSE, LAST_DOSE)).isEqualTo(Instant.parse("2027-03-02T15:00:00Z"));
		assertThat(FollowUpWindow.ofCode("6M")).isEqualTo(FollowUpWindow.M6);
	}

	private static CourseOutcome outcome(Score... scores) {
		return CourseOutcome.of(List.of(scores), FIRST_DOSE, LAST_DOSE, THIRTY_DAYS, FOURTEEN_DAYS);
	}

	private static Score score(Instant at, double total) {
		return new Score(at, total);
	}

}
