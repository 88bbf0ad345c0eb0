package org.kapclinic.reports;

import java.util.List;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Before-and-after statistics of one instrument over a cohort's patients, each with a
 * baseline and a follow-up score (issue 18, "per window"): the two means and standard
 * deviations (sample, n − 1), the mean change (follow-up − baseline: negative is better
 * on every symptom scale we ship) with its 95 % confidence interval from the t
 * distribution, the paired t-test's two-sided p-value, and two effect sizes: Cohen's d_z
 * (mean change / SD of the changes) and d_av (mean change / mean of the two SDs; Lakens
 * 2013, doi:10.3389/fpsyg.2013.00863, equations 6 and 10). Statistics from Apache Commons
 * Math; the formulas are checked against hand-computed values in
 * {@code PairedChangeTests}.
 *
 * @param n patients with both scores
 * @param changeSd standard deviation of the individual changes
 * @param ciLow lower end of the 95 % confidence interval of the mean change
 * @param p two-sided p-value of the paired t-test (null: fewer than two patients, or
 * every change the same)
 */
public record PairedChange(int n, double baselineMean, double baselineSd, double followUpMean, double followUpSd,
		double changeMean, double changeSd, Double ciLow, Double ciHigh, Double p, Double dz, Double dav) {

	/**
	 * Scores in pairs: {@code baseline.get(i)} and {@code followUp.get(i)} are one
	 * patient's.
	 */
	public static PairedChange of(List<Double> baseline, List<Double> followUp) {
		if (baseline.size() != followUp.size()) {
			throw new IllegalArgumentException("every patient needs both scores");
		}
		SummaryStatistics before = new SummaryStatistics();
		SummaryStatistics after = new SummaryStatistics();
		SummaryStatistics change = new SummaryStatistics();
		for (int i = 0; i < baseline.size(); i++) {
			before.addValue(baseline.get(i));
			after.addValue(followUp.get(i));
			change.addValue(followUp.get(i) - baseline.get(i));
		}
		PairedChange computed = fromSummary((int) change.getN(), before.getMean(), before.getStandardDeviation(),
				after.getMean(), after.getStandardDeviation(), change.getMean(), change.getStandardDeviation());
		if (computed.p() != null) {
			// Commons Math's own paired t-test, as a check on the formula below.
			double p = new TTest().pairedTTest(toArray(followUp), toArray(baseline));
			if (Math.abs(p - computed.p()) > 1e-9) {
				throw new IllegalStateException("paired t-test disagrees: " + p + " vs " + computed.p());
			}
		}
		return computed;
	}

	/**
	 * The same statistics from the sums a database computes ({@code avg},
	 * {@code stddev_samp}): the report aggregates 100,000 courses in SQL rather than
	 * loading them. The paired t-test is the one-sample t-test of the changes: t = mean /
	 * (SD / √n) with n − 1 degrees of freedom, p = 2 (1 − F(|t|)).
	 */
	public static PairedChange fromSummary(int n, double baselineMean, double baselineSd, double followUpMean,
			double followUpSd, double changeMean, double changeSd) {
		if (n < 2) {
			return new PairedChange(n, baselineMean, Double.NaN, followUpMean, Double.NaN, changeMean, Double.NaN, null,
					null, null, null, null);
		}
		TDistribution t = new TDistribution(n - 1);
		double standardError = changeSd / Math.sqrt(n);
		double halfWidth = t.inverseCumulativeProbability(0.975) * standardError;
		Double p = (changeSd > 0) ? 2 * t.cumulativeProbability(-Math.abs(changeMean / standardError)) : null;
		Double dz = (changeSd > 0) ? changeMean / changeSd : null;
		double meanSd = (baselineSd + followUpSd) / 2;
		Double dav = (meanSd > 0) ? changeMean / meanSd : null;
		return new PairedChange(n, baselineMean, baselineSd, followUpMean, followUpSd, changeMean, changeSd,
				changeMean - halfWidth, changeMean + halfWidth, p, dz, dav);
	}

	private static double[] toArray(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).toArray();
	}

}
