package org.kapclinic.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.kapclinic.reports.SmallCells.Cell;

/**
 * What the public results page shows of a published report, as text fixed when it was
 * published: the cohort, and per follow-up window the courses followed up, the mean
 * change with its 95 % CI and the response and remission rates; "< 11" where a figure was
 * suppressed.
 */
public record PublicOutcomes(String instrument, String instrumentName, String cohort, String courses, String patients,
		int minCell, long baselineDays, long toleranceDays, List<Row> windows, Instant publishedAt) {

	static PublicOutcomes of(OutcomesReportView view, String instrumentName, String cohortWords, long baselineDays,
			long toleranceDays, Instant now) {
		String hidden = "< " + view.minCell();
		List<Row> rows = new ArrayList<>();
		for (WindowFigures window : view.windows()) {
			PairedChange change = window.change().suppressed() ? null : window.change().value();
			rows.add(new Row(window.window().label(), count(window.n(), hidden),
					window.change().suppressed() ? hidden
							: (change == null) ? "—"
									: String.format(Locale.ROOT, "%.1f (%.1f to %.1f)", change.changeMean(),
											change.ciLow(), change.ciHigh()),
					rate(window.responseRate(), hidden), rate(window.remissionRate(), hidden)));
		}
		return new PublicOutcomes(view.instrument(), instrumentName, cohortWords,
				count(view.cohort().courses(), hidden), count(view.cohort().patients(), hidden), view.minCell(),
				baselineDays, toleranceDays, rows, now);
	}

	private static String count(Cell<Integer> cell, String hidden) {
		return cell.suppressed() ? hidden : String.valueOf(cell.value());
	}

	private static String rate(Cell<Double> cell, String hidden) {
		if (cell == null) {
			return "Not defined";
		}
		return cell.suppressed() ? hidden : Math.round(cell.value() * 100) + "%";
	}

	public record Row(String window, String followedUp, String change, String response, String remission) {
	}

}
