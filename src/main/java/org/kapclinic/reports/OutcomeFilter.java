package org.kapclinic.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which courses a report is over (issue 18, "Cohort"): one instrument, courses whose
 * first dose falls in {@code from}–{@code to} (clinic dates, both inclusive), optionally
 * one program, route, condition (an ICD-10-CM code or its prefix: {@code F33},
 * {@code F43.1}), age band and sex at birth.
 *
 * @param window null: every window
 */
public record OutcomeFilter(String instrument, String program, String route, String condition, AgeBand ageBand,
		String sexAtBirth, LocalDate from, LocalDate to, FollowUpWindow window) {

	/** The SQL condition over {@code reports.course_outcome} and its parameters. */
	Where where(String instrument, java.time.ZoneId zone) {
		StringBuilder sql = new StringBuilder("instrument = ?");
		List<Object> params = new ArrayList<>();
		params.add(instrument);
		if (this.program != null) {
			sql.append(" and program = ?");
			params.add(this.program);
		}
		if (this.route != null) {
			sql.append(" and route = ?");
			params.add(this.route);
		}
		if (this.condition != null) {
			sql.append(" and condition like ?");
			params.add(this.condition.replace("%", "").replace("_", "") + "%");
		}
		if (this.ageBand != null) {
			sql.append(" and age_band = ?");
			params.add(this.ageBand.code());
		}
		if (this.sexAtBirth != null) {
			sql.append(" and sex_at_birth = ?");
			params.add(this.sexAtBirth);
		}
		if (this.from != null) {
			sql.append(" and first_dose_at >= ?");
			params.add(java.sql.Timestamp.from(this.from.atStartOfDay(zone).toInstant()));
		}
		if (this.to != null) {
			sql.append(" and first_dose_at < ?");
			params.add(java.sql.Timestamp.from(this.to.plusDays(1).atStartOfDay(zone).toInstant()));
		}
		return new Where(sql.toString(), params);
	}

	record Where(String sql, List<Object> params) {
	}

}
