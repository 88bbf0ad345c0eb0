package org.kapclinic.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.kapclinic.reports.CourseOutcome.Score;

/**
 * A course's scores on one instrument by week since its first dose, for the report's
 * chart of the mean over weeks (issue 18, "Charts"): week 0 is the course's baseline (the
 * same one the windows use), week k the mean of the scores taken more than 7(k − 1) and
 * at most 7k days after the first dose. A week without a score is null; weeks past
 * {@link #LAST_WEEK} (the twelve-month window's reach) are left out.
 */
final class WeeklyScores {

	/** The twelve-month follow-up's target plus its tolerance fall in week 55. */
	static final int LAST_WEEK = 56;

	private WeeklyScores() {
	}

	/**
	 * Index k holds week k; trailing empty weeks are cut, so no scores give an empty
	 * array.
	 */
	static Double[] of(Score baseline, List<Score> scores, Instant firstDose) {
		double[] sums = new double[LAST_WEEK + 1];
		int[] counts = new int[LAST_WEEK + 1];
		if (baseline != null) {
			sums[0] = baseline.total();
			counts[0] = 1;
		}
		for (Score score : scores) {
			if (!score.at().isAfter(firstDose)) {
				continue;
			}
			long seconds = Duration.between(firstDose, score.at()).toSeconds();
			long week = (seconds + Duration.ofDays(7).toSeconds() - 1) / Duration.ofDays(7).toSeconds();
			if (week <= LAST_WEEK) {
				sums[(int) week] += score.total();
				counts[(int) week]++;
			}
		}
		List<Double> weeks = new ArrayList<>();
		for (int week = 0; week <= LAST_WEEK; week++) {
			weeks.add((counts[week] > 0) ? sums[week] / counts[week] : null);
		}
		while (!weeks.isEmpty() && weeks.get(weeks.size() - 1) == null) {
			weeks.remove(weeks.size() - 1);
		}
		return weeks.toArray(new Double[0]);
	}

}
