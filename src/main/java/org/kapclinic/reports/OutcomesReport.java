package org.kapclinic.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.measures.Measures;
import org.kapclinic.reports.OutcomeAggregates.Row;
import org.kapclinic.reports.OutcomeFilter.Where;
import org.kapclinic.reports.OutcomesReportView.BandTransitions;
import org.kapclinic.reports.OutcomesReportView.Breakdown;
import org.kapclinic.reports.OutcomesReportView.Group;
import org.kapclinic.reports.OutcomesReportView.Safety;
import org.kapclinic.reports.SmallCells.Cell;
import org.kapclinic.reports.WindowAggregate.Tally;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The practice outcomes report (issue 18): aggregates the read model
 * ({@code reports.course_outcome}, ADR 7) in SQL — means, sample SDs and tallies per
 * follow-up window, overall and per breakdown in one grouping-sets query — then turns the
 * sums into statistics ({@link PairedChange}) and suppresses small cells
 * ({@link SmallCells}) before anything leaves the server. Administrators and prescribers
 * only; every report is audited with its cohort definition.
 */
@Service
@Transactional(readOnly = true)
public class OutcomesReport {

	/** The breakdowns, in the order the page shows them. */
	static final Map<String, String> DIMENSIONS = dimensions();

	private final JdbcClient jdbc;

	private final Measures measures;

	private final ReportSettings settings;

	private final ClinicTime clinicTime;

	private final AuditTrail audit;

	private final java.util.concurrent.Executor executor;

	private final org.kapclinic.dosing.CourseDosing dosing;

	OutcomesReport(JdbcClient jdbc, Measures measures, ReportSettings settings, ClinicTime clinicTime, AuditTrail audit,
			org.kapclinic.dosing.CourseDosing dosing,
			org.springframework.core.task.TaskExecutor applicationTaskExecutor) {
		this.dosing = dosing;
		this.executor = applicationTaskExecutor;
		this.jdbc = jdbc;
		this.measures = measures;
		this.settings = settings;
		this.clinicTime = clinicTime;
		this.audit = audit;
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'PRESCRIBER')")
	public OutcomesReportView report(OutcomeFilter filter) {
		if (filter.instrument() == null || !this.measures.instrumentCodes().contains(filter.instrument())) {
			throw InvalidInputException.of("instrument", "one of " + this.measures.instrumentCodes());
		}
		if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
			throw InvalidInputException.of("to", "must not be before from");
		}
		int min = this.settings.minCell();
		List<FollowUpWindow> windows = (filter.window() != null) ? List.of(filter.window())
				: List.of(FollowUpWindow.values());
		Where where = filter.where(filter.instrument(), this.clinicTime.timeZone());
		FollowUpWindow transitionsAt = (filter.window() != null) ? filter.window() : FollowUpWindow.END_OF_COURSE;
		Where courses = filter.where(OutcomeReadModel.COURSE, this.clinicTime.timeZone());
		// The smaller queries run beside the aggregate one, on connections of their own
		// (read-only, no request state): the full report over 100,000 courses went from
		// ~700 to ~450 ms on two cores (bench/outcomes.sh).
		CompletableFuture<CohortAndSafety> cohort = CompletableFuture.supplyAsync(() -> cohortAndSafety(courses, min),
				this.executor);
		CompletableFuture<BandTransitions> transitions = CompletableFuture
			.supplyAsync(() -> transitions(where, transitionsAt, min), this.executor);
		CompletableFuture<Freshness> freshness = CompletableFuture.supplyAsync(() -> freshness(where), this.executor);
		CompletableFuture<List<Object[]>> events = CompletableFuture.supplyAsync(() -> adverseEvents(courses),
				this.executor);
		CompletableFuture<OutcomesReportView.Waterfall> waterfall = CompletableFuture
			.supplyAsync(() -> waterfall(where, transitionsAt, min), this.executor);
		CompletableFuture<List<WeeklyMeans.Series>> weeks = CompletableFuture
			.supplyAsync(() -> WeeklyMeans.query(this.jdbc, where, min), this.executor);
		CompletableFuture<AlcoholAbstinence.View> abstinence = AlcoholAbstinence.applies(filter)
				? CompletableFuture.supplyAsync(
						() -> AlcoholAbstinence.query(this.jdbc,
								filter.where(AlcoholAbstinence.INSTRUMENT, this.clinicTime.timeZone()), min),
						this.executor)
				: CompletableFuture.completedFuture(null);
		List<Row> rows = OutcomeAggregates.query(this.jdbc, where, windows);
		Row overall = rows.stream().filter((row) -> row.dimension() == null).findFirst().orElse(Row.EMPTY);
		Map<String, Breakdown> breakdowns = new LinkedHashMap<>();
		DIMENSIONS
			.forEach((dimension, label) -> breakdowns.put(dimension, breakdown(dimension, label, rows, windows, min)));
		OutcomesReportView view = new OutcomesReportView(filter.instrument(), filter, min, cohort.join().cohort(),
				figures(overall, windows, min), breakdowns, transitions.join(), waterfall.join(),
				cohort.join().safety().withAdverseEvents(adverseEventRates(events.join(), cohort.join(), min)),
				freshness.join().rulesVersions(), freshness.join().newestRow(), weeks.join(), abstinence.join());
		this.audit.record(AuditEvent.of(AuditAction.READ, "OutcomesReport", null)
			.detail("instrument=" + filter.instrument() + " program=" + filter.program() + " route=" + filter.route()
					+ " condition=" + filter.condition() + " ageBand="
					+ ((filter.ageBand() != null) ? filter.ageBand().code() : null) + " sex=" + filter.sexAtBirth()
					+ " from=" + filter.from() + " to=" + filter.to()));
		return view;
	}

	private static List<WindowFigures> figures(Row row, List<FollowUpWindow> windows, int min) {
		List<WindowFigures> figures = new ArrayList<>();
		for (FollowUpWindow window : windows) {
			WindowAggregate sums = row.sums().get(window);
			figures.add(
					WindowFigures.of(
							window, (sums != null) ? sums : new WindowAggregate(0, 0, Double.NaN, Double.NaN,
									Double.NaN, Double.NaN, Double.NaN, Double.NaN, Tally.NONE, Tally.NONE, Tally.NONE),
							min));
		}
		return figures;
	}

	/**
	 * One breakdown's groups. A group whose course count is suppressed shows nothing, and
	 * the counts are suppressed as one row (complementary): otherwise the overall count
	 * minus the others would give the hidden group's.
	 */
	private static Breakdown breakdown(String dimension, String label, List<Row> rows, List<FollowUpWindow> windows,
			int min) {
		List<Row> groups = rows.stream()
			.filter((row) -> dimension.equals(row.dimension()))
			.sorted(java.util.Comparator.comparing((Row row) -> (row.group() == null) ? "" : row.group()))
			.toList();
		List<Cell<Integer>> counts = SmallCells.row(groups.stream().map(Row::withBaseline).toList(), min);
		List<Group> shown = new ArrayList<>();
		for (int i = 0; i < groups.size(); i++) {
			Row row = groups.get(i);
			boolean hidden = counts.get(i).suppressed();
			shown.add(new Group(row.group(), GroupLabels.of(dimension, row.group()), counts.get(i),
					hidden ? List.of() : figures(row, windows, min)));
		}
		return new Breakdown(label, shown);
	}

	/**
	 * The cohort's courses and patients, and its sessions' safety counts, in one pass.
	 */
	private CohortAndSafety cohortAndSafety(Where courses, int min) {
		return this.jdbc
			.sql("select count(*) as courses, count(distinct patient_id) as patients, "
					+ "coalesce(sum(sessions), 0) as sessions, coalesce(sum(held_sessions), 0) as held, "
					+ "coalesce(sum(alerts), 0) as alerts, coalesce(sum(unmonitored_sessions), 0) as unmonitored "
					+ "from reports.course_outcome where " + courses.sql())
			.params(courses.params())
			.query((rs, n) -> new CohortAndSafety(
					new OutcomesReportView.Cohort(SmallCells.of(rs.getInt("courses"), rs.getInt("patients"), min),
							SmallCells.of(rs.getInt("patients"), rs.getInt("patients"), min)),
					Safety.of(rs.getInt("sessions"), rs.getInt("held"), rs.getInt("alerts"), rs.getInt("unmonitored"),
							min)))
			.single();
	}

	private BandTransitions transitions(Where where, FollowUpWindow window, int min) {
		String w = window.column();
		Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
		this.jdbc
			.sql("select baseline_band, " + w + "_band as follow_up_band, count(*) as courses "
					+ "from reports.course_outcome where " + where.sql() + " and baseline is not null and " + w
					+ "_total is not null group by 1, 2")
			.params(where.params())
			.query((ResultSet rs) -> {
				counts.computeIfAbsent(rs.getString("baseline_band"), (k) -> new LinkedHashMap<>())
					.put(rs.getString("follow_up_band"), rs.getInt("courses"));
			});
		List<String> bands = new ArrayList<>(this.measures.severityBands(where.params().get(0).toString()));
		counts.keySet().stream().filter((band) -> !bands.contains(band)).forEach(bands::add);
		List<OutcomesReportView.TransitionRow> rows = new ArrayList<>();
		for (String from : bands) {
			Map<String, Integer> row = counts.getOrDefault(from, Map.of());
			List<Integer> cells = bands.stream().map((to) -> row.getOrDefault(to, 0)).toList();
			int total = cells.stream().mapToInt(Integer::intValue).sum();
			rows.add(new OutcomesReportView.TransitionRow(from, GroupLabels.band(from), SmallCells.row(cells, min),
					SmallCells.of(total, total, min)));
		}
		return new BandTransitions(window, bands, bands.stream().map(GroupLabels::band).toList(), rows);
	}

	/**
	 * Percent change of the course at each percentile (0, 1, …, 100), over courses with a
	 * baseline above zero and a follow-up at {@code window}.
	 */
	private OutcomesReportView.Waterfall waterfall(Where where, FollowUpWindow window, int min) {
		String w = window.column();
		Double[] percentiles = new Double[101];
		for (int i = 0; i <= 100; i++) {
			percentiles[i] = i / 100.0;
		}
		List<Object> params = new java.util.ArrayList<>();
		params.add(percentiles);
		params.addAll(where.params());
		return this.jdbc
			.sql("select count(*) as n, percentile_cont(?::float8[]) within group (order by 100.0 * (" + w
					+ "_total - baseline)::float8 / baseline::float8) as pct from reports.course_outcome where "
					+ where.sql() + " and baseline > 0 and " + w + "_total is not null")
			.params(params)
			.query((rs, n) -> {
				int courses = rs.getInt("n");
				java.sql.Array pct = rs.getArray("pct");
				List<Double> values = (pct != null) ? java.util.Arrays.stream((Double[]) pct.getArray())
					.map((v) -> Math.round(v * 10) / 10.0)
					.toList() : List.of();
				return new OutcomesReportView.Waterfall(window,
						(courses == 0) ? Cell.shown(List.of()) : SmallCells.of(values, courses, min));
			})
			.single();
	}

	/**
	 * The cohort's side effects and adverse events: EFFECT|SEVERITY and the count, most
	 * first.
	 */
	private List<Object[]> adverseEvents(Where courses) {
		return this.jdbc.sql("select e.key, sum(e.value::int) as events from reports.course_outcome c, "
				+ "jsonb_each_text(c.adverse_events) e where " + courses.sql() + " group by e.key order by 2 desc, 1")
			.params(courses.params())
			.query((rs, n) -> new Object[] { rs.getString("key"), rs.getInt("events") })
			.list();
	}

	private List<OutcomesReportView.AdverseEventRate> adverseEventRates(List<Object[]> events, CohortAndSafety cohort,
			int min) {
		int sessions = (cohort.safety().sessions().value() != null) ? cohort.safety().sessions().value() : 0;
		List<OutcomesReportView.AdverseEventRate> rates = new java.util.ArrayList<>();
		for (Object[] event : events) {
			String[] codes = ((String) event[0]).split("\\|", 2);
			int count = (Integer) event[1];
			rates.add(new OutcomesReportView.AdverseEventRate(codes[0], this.dosing.effectLabel(codes[0]), codes[1],
					this.dosing.severityLabel(codes[1]), SmallCells.of(count, count, min),
					Safety.per100(count, sessions, min)));
		}
		return rates;
	}

	/** The rules the cohort's rows were derived under, and when the newest was. */
	private Freshness freshness(Where where) {
		return this.jdbc
			.sql("select array_agg(distinct rules_version) as versions, max(updated_at) as newest "
					+ "from reports.course_outcome where " + where.sql())
			.params(where.params())
			.query((rs, n) -> new Freshness(
					(rs.getArray("versions") != null) ? List.of((String[]) rs.getArray("versions").getArray())
							: List.of(),
					(rs.getTimestamp("newest") != null) ? rs.getTimestamp("newest").toInstant() : null))
			.single();
	}

	private record CohortAndSafety(OutcomesReportView.Cohort cohort, Safety safety) {
	}

	private record Freshness(List<String> rulesVersions, Instant newestRow) {
	}

	private static Map<String, String> dimensions() {
		Map<String, String> dimensions = new LinkedHashMap<>();
		dimensions.put("program", "Program");
		dimensions.put("route", "Route");
		dimensions.put("condition", "Condition (ICD-10-CM category)");
		dimensions.put("ageBand", "Age at first dose");
		dimensions.put("sessions", "Dosing sessions received");
		dimensions.put("mgPerKg", "Mean ordered dose (mg/kg)");
		dimensions.put("integration", "Integration sessions attended");
		return java.util.Collections.unmodifiableMap(dimensions);
	}

}
