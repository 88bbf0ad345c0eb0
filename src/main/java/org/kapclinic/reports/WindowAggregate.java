package org.kapclinic.reports;

import java.util.List;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

import org.kapclinic.reports.CourseOutcome.Score;

/**
 * One follow-up window's sums over a cohort, as the database aggregates them from the
 * read model ({@code avg}, {@code stddev_samp}, {@code count}): the courses with a
 * baseline, those of them followed up in the window (n), the paired means and SDs over
 * those n, and the tallies of the instrument's outcome definitions.
 */
public record WindowAggregate(int withBaseline, int n, double baselineMean, double baselineSd, double followUpMean,
		double followUpSd, double changeMean, double changeSd, Tally response, Tally remission,
		Tally meaningfulChange) {

	/** The same sums computed in memory, from courses' scores (no judgements). */
	static WindowAggregate of(FollowUpWindow window, List<CourseOutcome> courses) {
		SummaryStatistics before = new SummaryStatistics();
		SummaryStatistics after = new SummaryStatistics();
		SummaryStatistics change = new SummaryStatistics();
		int withBaseline = 0;
		for (CourseOutcome course : courses) {
			if (course.baseline() == null) {
				continue;
			}
			withBaseline++;
			Score followUp = course.followUps().get(window);
			if (followUp != null) {
				before.addValue(course.baseline().total());
				after.addValue(followUp.total());
				change.addValue(followUp.total() - course.baseline().total());
			}
		}
		return new WindowAggregate(withBaseline, (int) change.getN(), before.getMean(), before.getStandardDeviation(),
				after.getMean(), after.getStandardDeviation(), change.getMean(), change.getStandardDeviation(),
				Tally.NONE, Tally.NONE, Tally.NONE);
	}

	/**
	 * @param met patients who met the definition
	 * @param judged patients judged (0: the instrument has no such definition)
	 */
	public record Tally(int met, int judged) {

		static final Tally NONE = new Tally(0, 0);

	}

}
