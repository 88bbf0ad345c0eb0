package org.kapclinic.reports;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.kapclinic.reports.SmallCells.Cell;

/**
 * The outcomes report as the API returns it and the page shows it. Every figure is a
 * {@link Cell}: its value, or {@code {"suppressed": true}} when it comes from fewer than
 * {@code minCell} patients.
 *
 * @param windows per follow-up window, over the whole cohort
 * @param breakdowns by program, route, condition, age band, sessions and dose
 * @param waterfall individual percent changes at the band transitions' window
 * @param rulesVersions the outcome rules the cohort's rows were derived under (more than
 * one while a rebuild runs)
 * @param dataAsOf when the newest row was derived (the report is as fresh as that)
 * @param weeks the mean score by week since the first dose, over the cohort and per
 * program
 * @param abstinence the alcohol-use-disorder view (null unless the cohort is AUD courses
 * or the instrument is the abstinence item)
 */
public record OutcomesReportView(String instrument, OutcomeFilter cohortDefinition, int minCell, Cohort cohort,
		List<WindowFigures> windows, Map<String, Breakdown> breakdowns, BandTransitions bandTransitions,
		Waterfall waterfall, Safety safety, List<String> rulesVersions, Instant dataAsOf,
		List<WeeklyMeans.Series> weeks, AlcoholAbstinence.View abstinence) {

	/**
	 * The waterfall of individual changes at one window, at percentile resolution: the
	 * percent change from baseline (negative is better) of the course at each percentile
	 * 0, 1, …, 100, best first. Suppressed below the minimum cell size.
	 */
	public record Waterfall(FollowUpWindow window, Cell<List<Double>> percentChangeByPercentile) {
	}

	/**
	 * The courses in the cohort (first dose in range, filters met) and their patients.
	 */
	public record Cohort(Cell<Integer> courses, Cell<Integer> patients) {
	}

	public record Breakdown(String label, List<Group> groups) {
	}

	/**
	 * @param withBaseline courses in the group with a baseline (suppressed: the group
	 * shows nothing)
	 */
	public record Group(String code, String label, Cell<Integer> withBaseline, List<WindowFigures> windows) {
	}

	/**
	 * Baseline severity band × follow-up severity band at one window: rows and columns in
	 * the instrument's band order.
	 */
	public record BandTransitions(FollowUpWindow window, List<String> bands, List<String> labels,
			List<TransitionRow> rows) {
	}

	public record TransitionRow(String baselineBand, String label, List<Cell<Integer>> followUp, Cell<Integer> total) {
	}

	/**
	 * Safety over the cohort's dosing sessions: sessions a pre-dose reading held,
	 * monitoring alerts, and side effects and adverse events by effect and severity, each
	 * per 100 sessions; and sessions that gave drug with no vital signs after the dose
	 * (every session is monitored: this should read 0).
	 */
	public record Safety(Cell<Integer> sessions, Cell<Integer> heldSessions, Cell<Double> heldPer100Sessions,
			Cell<Integer> alerts, Cell<Double> alertsPer100Sessions, List<AdverseEventRate> adverseEvents,
			Cell<Integer> sessionsWithoutMonitoring) {

		static Safety of(int sessions, int held, int alerts, int unmonitored, int min) {
			return new Safety(SmallCells.of(sessions, sessions, min), SmallCells.of(held, held, min),
					per100(held, sessions, min), SmallCells.of(alerts, alerts, min), per100(alerts, sessions, min),
					List.of(), SmallCells.of(unmonitored, unmonitored, min));
		}

		Safety withAdverseEvents(List<AdverseEventRate> events) {
			return new Safety(this.sessions, this.heldSessions, this.heldPer100Sessions, this.alerts,
					this.alertsPer100Sessions, List.copyOf(events), this.sessionsWithoutMonitoring);
		}

		static Cell<Double> per100(int events, int sessions, int min) {
			if (SmallCells.small(events, min) || sessions < min) {
				return Cell.hidden();
			}
			return Cell.shown(Math.round(1000.0 * events / sessions) / 10.0);
		}

	}

	/**
	 * One kind of side effect or adverse event at one severity, with its codes and words.
	 */
	public record AdverseEventRate(String effect, String effectLabel, String severity, String severityLabel,
			Cell<Integer> events, Cell<Double> per100Sessions) {
	}

}
