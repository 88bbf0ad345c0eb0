package org.kapclinic.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.measures.Measures;
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

	OutcomesReport(JdbcClient jdbc, Measures measures, ReportSettings settings, ClinicTime clinicTime,
			AuditTrail audit) {
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
		List<Row> rows = aggregate(where, windows);
		Row overall = rows.stream().filter((row) -> row.dimension() == null).findFirst().orElse(Row.EMPTY);
		Map<String, Breakdown> breakdowns = new LinkedHashMap<>();
		DIMENSIONS
			.forEach((dimension, label) -> breakdowns.put(dimension, breakdown(dimension, label, rows, windows, min)));
		FollowUpWindow transitionsAt = (filter.window() != null) ? filter.window() : FollowUpWindow.END_OF_COURSE;
		Where courses = filter.where(OutcomeReadModel.COURSE, this.clinicTime.timeZone());
		OutcomesReportView view = new OutcomesReportView(filter.instrument(), filter, min, cohort(courses, min),
				figures(overall, windows, min), breakdowns, transitions(where, transitionsAt, min),
				safety(courses, min), rulesVersions(where), newestRow(where));
		this.audit.record(AuditEvent.of(AuditAction.READ, "OutcomesReport", null)
			.detail("instrument=" + filter.instrument() + " program=" + filter.program() + " route=" + filter.route()
					+ " condition=" + filter.condition() + " ageBand="
					+ ((filter.ageBand() != null) ? filter.ageBand().code() : null) + " sex=" + filter.sexAtBirth()
					+ " from=" + filter.from() + " to=" + filter.to()));
		return view;
	}

	private List<Row> aggregate(Where where, List<FollowUpWindow> windows) {
		StringBuilder sql = new StringBuilder("select grouping(program) as g_program, grouping(route) as g_route, "
				+ "grouping(condition_category) as g_condition, grouping(age_band) as g_age_band, "
				+ "grouping(sessions_band) as g_sessions, grouping(dose_band) as g_mg_per_kg, program, route, "
				+ "condition_category, age_band, sessions_band, dose_band, "
				+ "count(*) filter (where baseline is not null) as with_baseline");
		for (FollowUpWindow window : windows) {
			String w = window.column();
			sql.append(", count(")
				.append(w)
				.append("_total) filter (where baseline is not null) as ")
				.append(w)
				.append("_n");
			sql.append(", avg(baseline) filter (where ")
				.append(w)
				.append("_total is not null) as ")
				.append(w)
				.append("_bm");
			sql.append(", stddev_samp(baseline) filter (where ")
				.append(w)
				.append("_total is not null) as ")
				.append(w)
				.append("_bsd");
			sql.append(", avg(")
				.append(w)
				.append("_total) filter (where baseline is not null) as ")
				.append(w)
				.append("_fm");
			sql.append(", stddev_samp(")
				.append(w)
				.append("_total) filter (where baseline is not null) as ")
				.append(w)
				.append("_fsd");
			sql.append(", avg(").append(w).append("_total - baseline) as ").append(w).append("_cm");
			sql.append(", stddev_samp(").append(w).append("_total - baseline) as ").append(w).append("_csd");
			for (String judged : List.of("response", "remission", "meaningful")) {
				sql.append(", count(*) filter (where ")
					.append(w)
					.append('_')
					.append(judged)
					.append(") as ")
					.append(w)
					.append('_')
					.append(judged)
					.append("_met");
				sql.append(", count(")
					.append(w)
					.append('_')
					.append(judged)
					.append(") as ")
					.append(w)
					.append('_')
					.append(judged)
					.append("_judged");
			}
		}
		sql.append(" from (select *, left(condition, 3) as condition_category,")
			.append(" case when sessions <= 3 then '1-3' when sessions <= 6 then '4-6' else '7+' end as sessions_band,")
			.append(" case when mg_per_kg is null then 'FIXED' when mg_per_kg < 0.5 then 'BELOW_0_5'")
			.append(" when mg_per_kg < 1.0 then '0_5_TO_1' else '1_OR_MORE' end as dose_band")
			.append(" from reports.course_outcome where ")
			.append(where.sql())
			.append(") c group by grouping sets ((), (program), (route), (condition_category), (age_band),")
			.append(" (sessions_band), (dose_band))");
		return this.jdbc.sql(sql.toString()).params(where.params()).query((rs, n) -> row(rs, windows)).list();
	}

	private static Row row(ResultSet rs, List<FollowUpWindow> windows) throws SQLException {
		String dimension = null;
		String group = null;
		for (Map.Entry<String, String> column : Map
			.of("program", "program", "route", "route", "condition", "condition_category", "ageBand", "age_band",
					"sessions", "sessions_band", "mgPerKg", "dose_band")
			.entrySet()) {
			String grouping = switch (column.getKey()) {
				case "ageBand" -> "g_age_band";
				case "mgPerKg" -> "g_mg_per_kg";
				default -> "g_" + column.getKey();
			};
			if (rs.getInt(grouping) == 0) {
				dimension = column.getKey();
				group = rs.getString(column.getValue());
			}
		}
		int withBaseline = rs.getInt("with_baseline");
		Map<FollowUpWindow, WindowAggregate> sums = new LinkedHashMap<>();
		for (FollowUpWindow window : windows) {
			String w = window.column();
			sums.put(window,
					new WindowAggregate(withBaseline, rs.getInt(w + "_n"), number(rs, w + "_bm"),
							number(rs, w + "_bsd"), number(rs, w + "_fm"), number(rs, w + "_fsd"),
							number(rs, w + "_cm"), number(rs, w + "_csd"), tally(rs, w + "_response"),
							tally(rs, w + "_remission"), tally(rs, w + "_meaningful")));
		}
		return new Row(dimension, group, withBaseline, sums);
	}

	private static double number(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? Double.NaN : value;
	}

	private static Tally tally(ResultSet rs, String prefix) throws SQLException {
		return new Tally(rs.getInt(prefix + "_met"), rs.getInt(prefix + "_judged"));
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

	private OutcomesReportView.Cohort cohort(Where courses, int min) {
		return this.jdbc
			.sql("select count(*) as courses, count(distinct patient_id) as patients "
					+ "from reports.course_outcome where " + courses.sql())
			.params(courses.params())
			.query((rs, n) -> new OutcomesReportView.Cohort(
					SmallCells.of(rs.getInt("courses"), rs.getInt("patients"), min),
					SmallCells.of(rs.getInt("patients"), rs.getInt("patients"), min)))
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

	private Safety safety(Where courses, int min) {
		return this.jdbc
			.sql("select coalesce(sum(sessions), 0) as sessions, coalesce(sum(held_sessions), 0) as held, "
					+ "coalesce(sum(alerts), 0) as alerts from reports.course_outcome where " + courses.sql())
			.params(courses.params())
			.query((rs, n) -> Safety.of(rs.getInt("sessions"), rs.getInt("held"), rs.getInt("alerts"), min))
			.single();
	}

	private List<String> rulesVersions(Where where) {
		return this.jdbc
			.sql("select distinct rules_version from reports.course_outcome where " + where.sql() + " order by 1")
			.params(where.params())
			.query(String.class)
			.list();
	}

	private Instant newestRow(Where where) {
		return this.jdbc.sql("select max(updated_at) from reports.course_outcome where " + where.sql())
			.params(where.params())
			.query((rs, n) -> (rs.getTimestamp(1) != null) ? rs.getTimestamp(1).toInstant() : null)
			.single();
	}

	private static Map<String, String> dimensions() {
		Map<String, String> dimensions = new LinkedHashMap<>();
		dimensions.put("program", "Program");
		dimensions.put("route", "Route");
		dimensions.put("condition", "Condition (ICD-10-CM category)");
		dimensions.put("ageBand", "Age at first dose");
		dimensions.put("sessions", "Dosing sessions received");
		dimensions.put("mgPerKg", "Mean ordered dose (mg/kg)");
		return java.util.Collections.unmodifiableMap(dimensions);
	}

	private record Row(String dimension, String group, int withBaseline, Map<FollowUpWindow, WindowAggregate> sums) {

		static final Row EMPTY = new Row(null, null, 0, Map.of());

	}

}
