package org.kapclinic.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.kapclinic.reports.CourseOutcome.Score;

import static org.assertj.core.api.Assertions.assertThat;

class WeeklyScoresTests {

	private static final Instant FIRST_DOSE = Instant.parse("2026-01-05T15:00:00Z");

	@Test
	void weekZeroIsTheBaselineAndWeekKEndsSevenKDaysAfterTheFirstDose() {
		Score baseline = new Score(FIRST_DOSE.minus(Duration.ofDays(2)), 18);
		List<Score> scores = List.of(baseline, at(Duration.ofDays(7), 12), at(Duration.ofDays(7).plusSeconds(1), 10),
				at(Duration.ofDays(14), 8));
		assertThat(WeeklyScores.of(baseline, scores, FIRST_DOSE)).as("day 7 is week 1; a second later, week 2")
			.containsExactly(18.0, 12.0, 9.0);
	}

	@Test
	void aScoreAtTheFirstDoseBelongsToNoWeekAndTwoInAWeekAreAveraged() {
		List<Score> scores = List.of(at(Duration.ZERO, 20), at(Duration.ofDays(15), 10), at(Duration.ofDays(20), 6));
		assertThat(WeeklyScores.of(null, scores, FIRST_DOSE)).as("no baseline, weeks 1 and 2 empty, week 3 the mean")
			.containsExactly(null, null, null, 8.0);
	}

	@Test
	void weeksPastTheTwelveMonthWindowsReachAreLeftOutAndNoScoresGiveNoWeeks() {
		Instant lastWeek = FIRST_DOSE.plus(Duration.ofDays(7L * WeeklyScores.LAST_WEEK));
		List<Score> scores = List.of(new Score(lastWeek, 4), new Score(lastWeek.plusSeconds(1), 30));
		Double[] weeks = WeeklyScores.of(null, scores, FIRST_DOSE);
		assertThat(weeks).hasSize(WeeklyScores.LAST_WEEK + 1);
		assertThat(weeks[WeeklyScores.LAST_WEEK]).isEqualTo(4.0);
		assertThat(WeeklyScores.of(null, List.of(), FIRST_DOSE)).isEmpty();
	}

	private static Score at(Duration afterFirstDose, double total) {
		return new Score(FIRST_DOSE.plus(afterFirstDose), total);
	}

}
