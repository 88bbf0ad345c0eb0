package org.kapclinic.reports;

import java.util.ArrayList;
import java.util.List;

import org.kapclinic.reports.CourseOutcome.Score;
import org.kapclinic.reports.SmallCells.Cell;

/**
 * One follow-up window of the outcomes report (issue 18, "Per window"), ready to show:
 * how many courses had a baseline, how many of them a follow-up in the window (n) and how
 * many did not (lost to follow-up), the completeness rate, and the before-and-after
 * statistics, every figure suppressed when it comes from fewer than the minimum cell
 * size, and n and lost-to-follow-up suppressed together when only one of them is small
 * (their total, the courses with a baseline, is shown).
 */
public record WindowFigures(FollowUpWindow window, Cell<Integer> withBaseline, Cell<Integer> n,
		Cell<Integer> lostToFollowUp, Cell<Double> completeness, Cell<PairedChange> change) {

	/** The figures of {@code window} over a cohort's courses. */
	public static WindowFigures of(FollowUpWindow window, List<CourseOutcome> courses, int minCell) {
		List<Double> before = new ArrayList<>();
		List<Double> after = new ArrayList<>();
		int withBaseline = 0;
		for (CourseOutcome course : courses) {
			if (course.baseline() == null) {
				continue;
			}
			withBaseline++;
			Score followUp = course.followUps().get(window);
			if (followUp != null) {
				before.add(course.baseline().total());
				after.add(followUp.total());
			}
		}
		int n = before.size();
		List<Cell<Integer>> split = SmallCells.row(List.of(n, withBaseline - n), minCell);
		Double completeness = (withBaseline > 0) ? (double) n / withBaseline : null;
		return new WindowFigures(window, SmallCells.of(withBaseline, withBaseline, minCell), split.get(0), split.get(1),
				split.get(0).suppressed() ? Cell.hidden() : SmallCells.of(completeness, withBaseline, minCell),
				SmallCells.of((n > 0) ? PairedChange.of(before, after) : null, n, minCell));
	}

}
