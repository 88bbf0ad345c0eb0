package org.kapclinic.scheduling;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a course is going, read from its appointments: planned against booked and done per
 * type, the spacing rules the bookings break (a dose without integration within the
 * template's days), and the history of changes to the plan. {@link Courses} changes a
 * course; this only reads it.
 */
@Service
@Transactional(readOnly = true)
class CourseProgress {

	private final JdbcClient jdbc;

	private final Courses courses;

	private final CourseTemplates templates;

	CourseProgress(JdbcClient jdbc, Courses courses, CourseTemplates templates) {
		this.jdbc = jdbc;
		this.courses = courses;
		this.templates = templates;
	}

	/** Planned against booked and completed, per type: the chart's course timeline. */
	@Transactional(readOnly = true)
	public List<Course.Progress> progress(UUID courseId) {
		Course course = this.courses.find(courseId);
		Map<String, int[]> counts = new java.util.LinkedHashMap<>();
		course.plan()
			.forEach((step) -> counts.merge(step.type(), new int[] { step.count(), 0, 0 },
					(a, b) -> new int[] { a[0] + b[0], 0, 0 }));
		this.jdbc.sql("""
				select type, status, count(*) as n from scheduling.appointment
				where course_id = ? and status in ('BOOKED', 'COMPLETED') group by type, status""")
			.param(courseId)
			.query((rs, n) -> {
				int[] row = counts.computeIfAbsent(rs.getString("type"), (k) -> new int[3]);
				row["BOOKED".equals(rs.getString("status")) ? 1 : 2] += rs.getInt("n");
				return null;
			})
			.list();
		return counts.entrySet()
			.stream()
			.map((e) -> new Course.Progress(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
			.toList();
	}

	/**
	 * What the plan's spacing rules find missing: a dose without an integration session
	 * within the template's {@code integrationWithinDays} (KAP: 7) after it.
	 */
	@Transactional(readOnly = true)
	public List<String> checks(UUID courseId) {
		Course course = this.courses.find(courseId);
		CourseTemplate template = this.templates.version(course.templateCode(), course.templateVersion()).orElse(null);
		Integer days = (template != null && template.spacing() != null) ? template.spacing().integrationWithinDays()
				: null;
		if (days == null) {
			return List.of();
		}
		return this.jdbc.sql("""
				select d.start_at from scheduling.appointment d
				where d.course_id = ? and d.type = 'DOSING' and d.status in ('BOOKED', 'COMPLETED')
				  and not exists (select 1 from scheduling.appointment i
				                  where i.patient_id = d.patient_id and i.type in ('INTEGRATION', 'GROUP_INTEGRATION')
				                    and i.status in ('BOOKED', 'COMPLETED')
				                    and i.start_at > d.start_at and i.start_at <= d.start_at + make_interval(days => ?))
				order by d.start_at""")
			.params(courseId, days)
			.query((rs, n) -> "MISSING_INTEGRATION: the dose on " + rs.getTimestamp("start_at").toInstant()
					+ " has no integration session within " + days + " days")
			.list();
	}

	/** The course's history of changes, oldest first. */
	@Transactional(readOnly = true)
	public List<Map<String, Object>> history(UUID courseId) {
		this.courses.find(courseId);
		return this.jdbc.sql("""
				select at, by_user, change, reason from scheduling.course_change where course_id = ? order by id""")
			.param(courseId)
			.query((rs, n) -> {
				Map<String, Object> row = new java.util.LinkedHashMap<>();
				row.put("at", rs.getTimestamp("at").toInstant());
				row.put("by", rs.getObject("by_user", UUID.class));
				row.put("change", rs.getString("change"));
				row.put("reason", rs.getString("reason"));
				return row;
			})
			.list();
	}

}
