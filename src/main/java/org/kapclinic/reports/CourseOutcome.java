package org.kapclinic.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which of a course's scores on one instrument the outcomes report reads (issue 18,
 * "Cohort"): the baseline is the last complete administration on or before the first dose
 * and no more than {@code baselineWindow} before it (30 days: the same rule as the
 * per-course summary, {@code kap.measures.baseline-window}); the follow-up at each window
 * is the administration after the first dose nearest the window's target, within
 * {@code tolerance} either side (14 days), the earlier of two equally near.
 *
 * @param baseline null: the course has no baseline, so it is not in the cohort
 * @param followUps by window, only those with a score in reach
 */
public record CourseOutcome(Score baseline, Map<FollowUpWindow, Score> followUps) {

	public static CourseOutcome of(List<Score> scores, Instant firstDose, Instant lastDose, Duration baselineWindow,
			Duration tolerance) {
		Score baseline = scores.stream()
			.filter((s) -> !s.at().isAfter(firstDose) && !s.at().isBefore(firstDose.minus(baselineWindow)))
			.max(Comparator.comparing(Score::at))
			.orElse(null);
		Map<FollowUpWindow, Score> followUps = new EnumMap<>(FollowUpWindow.class);
		for (FollowUpWindow window : FollowUpWindow.values()) {
			Instant target = window.target(firstDose, lastDose);
			nearest(scores, firstDose, target, tolerance).ifPresent((score) -> followUps.put(window, score));
		}
		return new CourseOutcome(baseline, Map.copyOf(followUps));
	}

	private static Optional<Score> nearest(List<Score> scores, Instant firstDose, Instant target, Duration tolerance) {
		return scores.stream()
			.filter((s) -> s.at().isAfter(firstDose))
			.filter((s) -> Duration.between(s.at(), target).abs().compareTo(tolerance) <= 0)
			.min(Comparator.comparing((Score s) -> Duration.between(s.at(), target).abs()).thenComparing(Score::at));
	}

	/**
	 * One complete administration's total.
	 *
	 * @param band its severity band code (null where the instrument has none)
	 */
	public record Score(Instant at, double total, String band) {

		public Score(Instant at, double total) {
			this(at, total, null);
		}

	}

}
