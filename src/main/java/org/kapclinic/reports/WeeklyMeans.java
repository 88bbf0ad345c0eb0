package org.kapclinic.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.distribution.TDistribution;
import org.kapclinic.reports.OutcomeFilter.Where;
import org.kapclinic.reports.SmallCells.Cell;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The mean score by week since the first dose with its 95 % confidence interval, over the
 * cohort and per program (issue 18, "Charts"), from the read model's weekly scores
 * ({@link WeeklyScores}). A week measured in fewer courses than the minimum cell size is
 * suppressed. The interval is the t interval of a mean: each week's courses differ (some
 * are not measured every week), so the weeks are not paired with each other.
 */
final class WeeklyMeans {

	private WeeklyMeans() {
	}

	/**
	 * One line of the chart: the whole cohort ({@code program} null) or one program.
	 */
	record Series(String program, String label, List<Week> weeks) {
	}

	/** One week's figures, suppressed as a whole when the week has too few courses. */
	record Week(int week, Cell<Figures> figures) {
	}

	record Figures(int n, double mean, Double ciLow, Double ciHigh) {

		static Figures of(int n, double mean, double sd) {
			if (n < 2 || Double.isNaN(sd)) {
				return new Figures(n, round(mean), null, null);
			}
			double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
			return new Figures(n, round(mean), round(mean - half), round(mean + half));
		}

		private static double round(double value) {
			return Math.round(value * 100) / 100.0;
		}

	}

	static List<Series> query(JdbcClient jdbc, Where where, int min) {
		Map<String, List<Week>> byProgram = new LinkedHashMap<>();
		byProgram.put(null, new ArrayList<>());
		jdbc.sql("select grouping(c.program) as everyone, c.program, w.i - 1 as week, count(*) as n, "
				+ "avg(w.total) as mean, stddev_samp(w.total) as sd from reports.course_outcome c "
				+ "cross join lateral unnest(c.weekly) with ordinality as w(total, i) where " + where.sql()
				+ " and w.total is not null group by grouping sets ((w.i), (c.program, w.i)) order by 2 nulls first, 3")
			.params(where.params())
			.query((rs, row) -> {
				String program = (rs.getInt("everyone") == 1) ? null : rs.getString("program");
				int n = rs.getInt("n");
				double sd = rs.getDouble("sd");
				if (rs.wasNull()) {
					sd = Double.NaN;
				}
				byProgram.computeIfAbsent(program, (k) -> new ArrayList<>())
					.add(new Week(rs.getInt("week"), SmallCells.of(Figures.of(n, rs.getDouble("mean"), sd), n, min)));
				return row;
			})
			.list();
		List<Series> series = new ArrayList<>();
		byProgram.forEach((program, weeks) -> series.add(new Series(program,
				(program != null) ? GroupLabels.of("program", program) : "All programs", List.copyOf(weeks))));
		return series;
	}

}
