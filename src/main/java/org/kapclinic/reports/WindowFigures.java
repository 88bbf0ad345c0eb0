package org.kapclinic.reports;

import java.util.List;

import org.kapclinic.reports.SmallCells.Cell;
import org.kapclinic.reports.WindowAggregate.Tally;

/**
 * One follow-up window of the outcomes report (issue 18, "Per window"), ready to show:
 * how many courses had a baseline, how many of them a follow-up in the window (n) and how
 * many did not (lost to follow-up), the completeness rate, the before-and-after
 * statistics and the response, remission and meaningful-change rates. Every figure is
 * suppressed when it comes from fewer than the minimum cell size; n and lost-to-follow-up
 * are suppressed together when only one of them is small (their total, the courses with a
 * baseline, is shown), and a rate together with its complement (met and not met), since
 * either count could be worked out from the other.
 *
 * @param responseRate null where the instrument publishes no response definition
 */
public record WindowFigures(FollowUpWindow window, Cell<Integer> withBaseline, Cell<Integer> n,
		Cell<Integer> lostToFollowUp, Cell<Double> completeness, Cell<PairedChange> change, Cell<Double> responseRate,
		Cell<Double> remissionRate, Cell<Double> meaningfulChangeRate) {

	/** The figures of {@code window} over a cohort's courses. */
	public static WindowFigures of(FollowUpWindow window, List<CourseOutcome> courses, int minCell) {
		return of(window, WindowAggregate.of(window, courses), minCell);
	}

	public static WindowFigures of(FollowUpWindow window, WindowAggregate sums, int minCell) {
		int withBaseline = sums.withBaseline();
		int n = sums.n();
		List<Cell<Integer>> split = SmallCells.row(List.of(n, withBaseline - n), minCell);
		Double completeness = (withBaseline > 0) ? (double) n / withBaseline : null;
		PairedChange change = (n > 0) ? PairedChange.fromSummary(n, sums.baselineMean(), sums.baselineSd(),
				sums.followUpMean(), sums.followUpSd(), sums.changeMean(), sums.changeSd()) : null;
		return new WindowFigures(window, SmallCells.of(withBaseline, withBaseline, minCell), split.get(0), split.get(1),
				split.get(0).suppressed() ? Cell.hidden() : SmallCells.of(completeness, withBaseline, minCell),
				SmallCells.of(change, n, minCell), rate(sums.response(), minCell), rate(sums.remission(), minCell),
				rate(sums.meaningfulChange(), minCell));
	}

	private static Cell<Double> rate(Tally tally, int minCell) {
		if (tally.judged() == 0) {
			return null;
		}
		List<Cell<Integer>> metAndNot = SmallCells.row(List.of(tally.met(), tally.judged() - tally.met()), minCell);
		if (metAndNot.get(0).suppressed() || metAndNot.get(1).suppressed()) {
			return Cell.hidden();
		}
		return Cell.shown((double) tally.met() / tally.judged());
	}

}
