package org.kapclinic.reports;

import java.util.ArrayList;
import java.util.List;

import org.kapclinic.reports.OutcomeFilter.Where;
import org.kapclinic.reports.SmallCells.Cell;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The report's alcohol-use-disorder view (issue 18, "AUD view"): at each follow-up
 * window, the share of courses whose patient reported no drink since the first dose
 * (instrument {@value #INSTRUMENT}, answer 0), with its 95 % Wilson interval, beside the
 * comparison Krupitsky & Grinenko reported (J Psychoactive Drugs 1997;29(2):165–183:
 * abstinent for more than one year after ketamine psychedelic therapy 73 of 111, 65.8 %,
 * after conventional treatment 24 of 100). The AUDIT change itself is the report's
 * ordinary figures with instrument AUDIT. The abstinent and not-abstinent counts are
 * suppressed together when either is small, as any rate and its complement are.
 */
final class AlcoholAbstinence {

	static final String INSTRUMENT = "ALCOHOL-ABSTINENCE";

	static final String COMPARISON = "Krupitsky & Grinenko 1997 (ketamine psychedelic therapy for alcohol "
			+ "dependence): abstinent for more than one year 73 of 111 (65.8 %) after ketamine therapy, 24 of 100 "
			+ "(24 %) after conventional treatment. Compare with the 12-month window; their patients, setting and "
			+ "follow-up differ from a clinic's.";

	private AlcoholAbstinence() {
	}

	/**
	 * Whether the report over {@code filter} shows the view: AUD courses or the item
	 * itself.
	 */
	static boolean applies(OutcomeFilter filter) {
		return INSTRUMENT.equals(filter.instrument())
				|| (filter.condition() != null && filter.condition().toUpperCase().startsWith("F10"));
	}

	/**
	 * @param windows every follow-up window, in order
	 */
	record View(String instrument, List<Window> windows, String comparison) {
	}

	/**
	 * @param answered courses with an answer in the window
	 * @param abstinent of them, courses answering "not at all since my first ketamine
	 * session"
	 */
	record Window(FollowUpWindow window, Cell<Integer> answered, Cell<Integer> abstinent, Cell<Double> rate,
			Cell<Double> ciLow, Cell<Double> ciHigh) {

		static Window of(FollowUpWindow window, int answered, int abstinent, int min) {
			List<Cell<Integer>> split = SmallCells.row(List.of(abstinent, answered - abstinent), min);
			Cell<Integer> answeredCell = SmallCells.of(answered, answered, min);
			if (answered == 0 || split.get(0).suppressed() || split.get(1).suppressed()) {
				return new Window(window, answeredCell, split.get(0), Cell.hidden(), Cell.hidden(), Cell.hidden());
			}
			double[] interval = wilson(abstinent, answered);
			return new Window(window, answeredCell, split.get(0), Cell.shown(round((double) abstinent / answered)),
					Cell.shown(round(interval[0])), Cell.shown(round(interval[1])));
		}

	}

	/**
	 * The Wilson score interval of a proportion at 95 % (z = 1.96): unlike p ± z·SE it
	 * stays inside 0–1 and keeps its coverage near 0 % and 100 %, where abstinence rates
	 * of small clinics often are (Brown, Cai & DasGupta 2001, Stat Sci 16:101–133).
	 */
	static double[] wilson(int successes, int n) {
		double z = 1.959963984540054;
		double p = (double) successes / n;
		double denominator = 1 + z * z / n;
		double centre = (p + z * z / (2.0 * n)) / denominator;
		double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / denominator;
		return new double[] { Math.max(0, centre - half), Math.min(1, centre + half) };
	}

	static View query(JdbcClient jdbc, Where where, int min) {
		StringBuilder sql = new StringBuilder("select ");
		List<String> columns = new ArrayList<>();
		for (FollowUpWindow window : FollowUpWindow.values()) {
			String w = window.column();
			columns.add("count(" + w + "_total) as " + w + "_answered, count(*) filter (where " + w + "_total = 0) as "
					+ w + "_abstinent");
		}
		sql.append(String.join(", ", columns)).append(" from reports.course_outcome where ").append(where.sql());
		return jdbc.sql(sql.toString()).params(where.params()).query((rs, row) -> {
			List<Window> windows = new ArrayList<>();
			for (FollowUpWindow window : FollowUpWindow.values()) {
				windows.add(Window.of(window, rs.getInt(window.column() + "_answered"),
						rs.getInt(window.column() + "_abstinent"), min));
			}
			return new View(INSTRUMENT, List.copyOf(windows), COMPARISON);
		}).single();
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

}
