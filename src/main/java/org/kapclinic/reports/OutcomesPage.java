package org.kapclinic.reports;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kapclinic.dosing.Route;
import org.kapclinic.intake.Program;
import org.kapclinic.measures.Measures;
import org.kapclinic.shared.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;

/**
 * The outcomes report page (issue 18): the cohort form, the per-window table, a chart of
 * the mean change with its 95 % CI per program, the breakdowns, band transitions and
 * safety. Suppressed figures read "< 11".
 */
@Controller
class OutcomesPage {

	private final OutcomesReport report;

	private final Measures measures;

	private final JsonMapper json;

	private final PublishedOutcomes published;

	OutcomesPage(OutcomesReport report, Measures measures, JsonMapper json, PublishedOutcomes published) {
		this.published = published;
		this.report = report;
		this.measures = measures;
		this.json = json;
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'PRESCRIBER')")
	@GetMapping("/reports/outcomes")
	String outcomes(@RequestParam(defaultValue = "PHQ-9") String instrument,
			@RequestParam(required = false) String program, @RequestParam(required = false) String route,
			@RequestParam(required = false) String condition, @RequestParam(required = false) String ageBand,
			@RequestParam(required = false) String sexAtBirth,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		try {
			OutcomesReportView view = this.report.report(
					OutcomeRequests.filter(instrument, program, route, condition, ageBand, sexAtBirth, from, to, null));
			model.addAttribute("report", view);
			model.addAttribute("cohortWords", CohortWords.of(view.cohortDefinition()));
			model.addAttribute("runAt", java.time.Instant.now());
			model.addAttribute("chart", this.json.writeValueAsString(ChartData.of(view)));
		}
		catch (InvalidInputException ex) {
			ex.problems().forEach((p) -> errors.merge(p.field(), p.message(), (a, b) -> a + "; " + b));
		}
		model.addAttribute("errors", errors);
		model.addAttribute("publishedNow", this.published.current().orElse(null));
		model.addAttribute("instruments", this.measures.instrumentNames());
		model.addAttribute("programs", Program.values());
		model.addAttribute("routes", Route.values());
		model.addAttribute("ageBands", List.of(AgeBand.ADOLESCENT, AgeBand.YOUNG_ADULT, AgeBand.ADULT,
				AgeBand.MIDDLE_AGE, AgeBand.OLDER_ADULT));
		model.addAttribute("sexes", org.kapclinic.patient.SexAtBirth.values());
		model.addAttribute("q", new Query(instrument, program, route, condition, ageBand, sexAtBirth, from, to));
		return "reports/outcomes";
	}

	/** The form's values as sent, shown again. */
	record Query(String instrument, String program, String route, String condition, String ageBand, String sexAtBirth,
			LocalDate from, LocalDate to) {
	}

	/**
	 * What the chart draws: per program, the mean change and its 95 % CI at each window
	 * (null where suppressed).
	 */
	record ChartData(List<String> windows, List<Series> series, List<Double> waterfall, List<WeekSeries> weeks) {

		static ChartData of(OutcomesReportView view) {
			List<String> windows = view.windows().stream().map((w) -> w.window().label()).toList();
			List<Series> series = new java.util.ArrayList<>();
			series.add(Series.of("All programs", view.windows()));
			OutcomesReportView.Breakdown programs = view.breakdowns().get("program");
			if (programs != null) {
				programs.groups()
					.stream()
					.filter((group) -> !group.windows().isEmpty())
					.forEach((group) -> series.add(Series.of(group.label(), group.windows())));
			}
			List<Double> waterfall = view.waterfall().percentChangeByPercentile().suppressed() ? List.of()
					: view.waterfall().percentChangeByPercentile().value();
			return new ChartData(windows, series, waterfall,
					view.weeks().stream().map(WeekSeries::of).filter((line) -> !line.week().isEmpty()).toList());
		}

	}

	/**
	 * One line of the weekly chart: the weeks shown (suppressed ones left out) and their
	 * means and intervals.
	 */
	record WeekSeries(String label, List<Integer> week, List<Double> mean, List<Double> low, List<Double> high) {

		static WeekSeries of(WeeklyMeans.Series series) {
			List<WeeklyMeans.Week> shown = series.weeks().stream().filter((w) -> !w.figures().suppressed()).toList();
			return new WeekSeries(series.label(), shown.stream().map(WeeklyMeans.Week::week).toList(),
					shown.stream().map((w) -> w.figures().value().mean()).toList(),
					shown.stream().map((w) -> w.figures().value().ciLow()).toList(),
					shown.stream().map((w) -> w.figures().value().ciHigh()).toList());
		}

	}

	record Series(String label, List<Double> mean, List<Double> low, List<Double> high) {

		static Series of(String label, List<WindowFigures> figures) {
			List<Double> mean = new java.util.ArrayList<>();
			List<Double> low = new java.util.ArrayList<>();
			List<Double> high = new java.util.ArrayList<>();
			for (WindowFigures window : figures) {
				PairedChange change = window.change().suppressed() ? null : window.change().value();
				mean.add((change != null) ? change.changeMean() : null);
				low.add((change != null) ? change.ciLow() : null);
				high.add((change != null) ? change.ciHigh() : null);
			}
			return new Series(label, mean, low, high);
		}

	}

}
