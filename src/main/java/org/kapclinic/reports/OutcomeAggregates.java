package org.kapclinic.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kapclinic.reports.OutcomeFilter.Where;
import org.kapclinic.reports.WindowAggregate.Tally;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outcomes report's one aggregate query over {@code reports.course_outcome}: per
 * follow-up window the counts, means, sample SDs ({@code stddev_samp}) and tallies of the
 * outcome definitions, for the whole cohort and for each breakdown group at once
 * ({@code grouping sets}). The condition is grouped by its ICD-10-CM category (the first
 * three characters), sessions and ordered mg/kg in bands.
 */
final class OutcomeAggregates {

	/** Per window, with W_ standing for the window's column prefix. */
	private static final String WINDOW_COLUMNS = """
			, count(W_total) filter (where baseline is not null) as W_n
			, avg(baseline) filter (where W_total is not null) as W_bm
			, stddev_samp(baseline) filter (where W_total is not null) as W_bsd
			, avg(W_total) filter (where baseline is not null) as W_fm
			, stddev_samp(W_total) filter (where baseline is not null) as W_fsd
			, avg(W_total - baseline) as W_cm
			, stddev_samp(W_total - baseline) as W_csd
			, count(*) filter (where W_response) as W_response_met, count(W_response) as W_response_judged
			, count(*) filter (where W_remission) as W_remission_met, count(W_remission) as W_remission_judged
			, count(*) filter (where W_meaningful) as W_meaningful_met, count(W_meaningful) as W_meaningful_judged
			""";

	private OutcomeAggregates() {
	}

	static List<Row> query(JdbcClient jdbc, Where where, List<FollowUpWindow> windows) {
		StringBuilder sql = new StringBuilder("select grouping(program) as g_program, grouping(route) as g_route, "
				+ "grouping(condition_category) as g_condition, grouping(age_band) as g_age_band, "
				+ "grouping(sessions_band) as g_sessions, grouping(dose_band) as g_mg_per_kg, "
				+ "grouping(integration_band) as g_integration, program, route, "
				+ "condition_category, age_band, sessions_band, dose_band, integration_band, "
				+ "count(*) filter (where baseline is not null) as with_baseline");
		windows.forEach((window) -> windowColumns(sql, window.column()));
		// Scores as float8: avg and stddev_samp over numeric take twice as long (measured
		// 900 vs 420 ms over 100,000 courses), and a score has one decimal at most.
		sql.append(" from (select program, route, age_band, sessions, mg_per_kg, baseline::float8 as baseline,")
			.append(" case when integration_sessions = 0 then '0' when integration_sessions <= 2 then '1-2'")
			.append(" else '3+' end as integration_band");
		for (FollowUpWindow window : FollowUpWindow.values()) {
			String w = window.column();
			sql.append(", ")
				.append(w)
				.append("_total::float8 as ")
				.append(w)
				.append("_total, ")
				.append(w)
				.append("_response, ")
				.append(w)
				.append("_remission, ")
				.append(w)
				.append("_meaningful");
		}
		sql.append(", left(condition, 3) as condition_category,")
			.append(" case when sessions <= 3 then '1-3' when sessions <= 6 then '4-6' else '7+' end as sessions_band,")
			.append(" case when mg_per_kg is null then 'FIXED' when mg_per_kg < 0.5 then 'BELOW_0_5'")
			.append(" when mg_per_kg < 1.0 then '0_5_TO_1' else '1_OR_MORE' end as dose_band")
			.append(" from reports.course_outcome where ")
			.append(where.sql())
			.append(") c group by grouping sets ((), (program), (route), (condition_category), (age_band),")
			.append(" (sessions_band), (dose_band), (integration_band))");
		return jdbc.sql(sql.toString()).params(where.params()).query((rs, n) -> row(rs, windows)).list();
	}

	/**
	 * One window's columns (prefix {@code w}): n, the paired means and SDs over courses
	 * with both scores, and for each outcome definition how many met it of those judged.
	 */
	private static void windowColumns(StringBuilder sql, String w) {
		sql.append(WINDOW_COLUMNS.replace("W_", w + "_"));
	}

	private static Row row(ResultSet rs, List<FollowUpWindow> windows) throws SQLException {
		String dimension = null;
		String group = null;
		for (Map.Entry<String, String> column : Map
			.of("program", "program", "route", "route", "condition", "condition_category", "ageBand", "age_band",
					"sessions", "sessions_band", "mgPerKg", "dose_band", "integration", "integration_band")
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

	record Row(String dimension, String group, int withBaseline, Map<FollowUpWindow, WindowAggregate> sums) {

		static final Row EMPTY = new Row(null, null, 0, Map.of());

	}

}
