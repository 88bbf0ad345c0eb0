package org.kapclinic.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.kapclinic.reports.CourseOutcome.Score;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A window's figures over a fixed synthetic cohort (issue 18, "checked number by number",
 * "suppression at n = 10 vs 11, complementary suppression").
 */
class WindowFiguresTests {

	private static final Instant FIRST_DOSE = Instant.parse("2026-03-02T15:00:00Z");

	@Test
	void elevenFollowedUpAreShownWithTheirStatisticsAndTheOnesLost() {
		// 11 courses with a baseline of 20 and a 3-month score of 10 (change −10), and
		// 12 with a baseline but no 3-month score.
		List<CourseOutcome> cohort = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			cohort.add(course(20, 10.0 + (i % 2)));
		}
		for (int i = 0; i < 12; i++) {
			cohort.add(course(18, null));
		}
		cohort.add(new CourseOutcome(null, Map.of()));

		WindowFigures figures = WindowFigures.of(FollowUpWindow.M3, cohort, SmallCells.DEFAULT_MIN);
		assertThat(figures.withBaseline().value()).isEqualTo(23);
		assertThat(figures.n().value()).isEqualTo(11);
		assertThat(figures.lostToFollowUp().value()).isEqualTo(12);
		assertThat(figures.completeness().value()).isEqualTo(11.0 / 23);
		PairedChange change = figures.change().value();
		assertThat(change.baselineMean()).isEqualTo(20.0);
		// Follow-ups 10, 11, 10, 11, … (six 10s, five 11s): mean 115 / 11.
		assertThat(change.followUpMean()).isEqualTo(115.0 / 11);
		assertThat(change.changeMean()).isEqualTo(115.0 / 11 - 20);
	}

	@Test
	void tenFollowedUpAreSuppressedAndTakeTheLostCountWithThem() {
		List<CourseOutcome> cohort = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			cohort.add(course(20, 12.0));
		}
		for (int i = 0; i < 30; i++) {
			cohort.add(course(19, null));
		}
		WindowFigures figures = WindowFigures.of(FollowUpWindow.M3, cohort, SmallCells.DEFAULT_MIN);
		assertThat(figures.withBaseline().value()).as("40 courses with a baseline: shown").isEqualTo(40);
		assertThat(figures.n().suppressed()).isTrue();
		assertThat(figures.change().suppressed()).isTrue();
		assertThat(figures.change().value()).isNull();
		assertThat(figures.lostToFollowUp().suppressed())
			.as("40 shown, so 30 would give the 10 away: suppressed with it")
			.isTrue();
		assertThat(figures.completeness().suppressed()).isTrue();
	}

	private static CourseOutcome course(double baseline, Double threeMonths) {
		Score base = new Score(FIRST_DOSE.minus(Duration.ofDays(1)), baseline);
		return (threeMonths == null) ? new CourseOutcome(base, Map.of()) : new CourseOutcome(base,
				Map.of(FollowUpWindow.M3, new Score(Instant.parse("2026-06-02T15:00:00Z"), threeMonths)));
	}

}
