package org.kapclinic.scheduling;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bookable courses of maintenance dosing (issue 19): those whose template, in its current
 * version, is marked {@code "maintenance": true} (the shipped MAINTENANCE_BOOSTER is), so
 * courses started before the mark count too. No access check: the caller checks.
 */
@Service
@Transactional(readOnly = true)
public class MaintenanceCourses {

	private final JdbcClient jdbc;

	private final CourseTemplates templates;

	MaintenanceCourses(JdbcClient jdbc, CourseTemplates templates) {
		this.jdbc = jdbc;
		this.templates = templates;
	}

	/**
	 * A maintenance course: its id, its patient, its template's name and when it was
	 * started.
	 */
	public record MaintenanceCourse(UUID courseId, UUID patientId, String name, Instant startedAt) {
	}

	/** A patient's first bookable maintenance course: its template's name and start. */
	public record FirstCourse(UUID patientId, String name, Instant startedAt) {
	}

	/**
	 * Per patient (of these patients; null: every patient), the first bookable
	 * maintenance course, for those whose first one started at or before
	 * {@code startedBy}: the worklist's candidates, grouped in the database (100,000
	 * patients in one query).
	 */
	public List<FirstCourse> firstStartedBy(Instant startedBy, Collection<UUID> patientIds) {
		java.util.Map<String, String> names = maintenanceTemplateNames();
		if (names.isEmpty() || (patientIds != null && patientIds.isEmpty())) {
			return List.of();
		}
		JdbcClient.StatementSpec query = this.jdbc
			.sql("select patient_id, min(created_at) as started_at, "
					+ "(array_agg(template_code order by created_at))[1] as template_code from scheduling.course "
					+ "where status in ('PLANNED', 'ACTIVE') and template_code = any(:codes)"
					+ ((patientIds != null) ? " and patient_id = any(:patients)" : "")
					+ " group by patient_id having min(created_at) <= :startedBy")
			.param("codes", names.keySet().toArray(String[]::new))
			.param("startedBy", Timestamp.from(startedBy));
		if (patientIds != null) {
			query = query.param("patients", patientIds.toArray(UUID[]::new));
		}
		return query
			.query((rs, n) -> new FirstCourse(rs.getObject("patient_id", UUID.class),
					names.get(rs.getString("template_code")), rs.getTimestamp("started_at").toInstant()))
			.list();
	}

	/**
	 * The codes of the templates marked maintenance in their current version, sorted (a
	 * read model built from them is stale when they change).
	 */
	public List<String> templateCodes() {
		return maintenanceTemplateNames().keySet().stream().sorted().toList();
	}

	private java.util.Map<String, String> maintenanceTemplateNames() {
		java.util.Map<String, String> names = new java.util.HashMap<>();
		this.templates.current()
			.stream()
			.filter(CourseTemplate::maintenanceDosing)
			.forEach((template) -> names.put(template.code(), template.name()));
		return names;
	}

	/** The patient's, oldest first. */
	public List<MaintenanceCourse> of(UUID patientId) {
		return of(List.of(patientId));
	}

	/**
	 * The courses of these patients (null: of every patient), by patient and oldest
	 * first.
	 */
	public List<MaintenanceCourse> of(Collection<UUID> patientIds) {
		java.util.Map<String, String> names = maintenanceTemplateNames();
		if (names.isEmpty() || (patientIds != null && patientIds.isEmpty())) {
			return List.of();
		}
		String[] codes = names.keySet().toArray(String[]::new);
		JdbcClient.StatementSpec query = this.jdbc
			.sql("select id, patient_id, template_code, created_at from scheduling.course "
					+ "where status in ('PLANNED', 'ACTIVE') and template_code = any(:codes)"
					+ ((patientIds != null) ? " and patient_id = any(:patients)" : "")
					+ " order by patient_id, created_at")
			.param("codes", codes);
		if (patientIds != null) {
			query = query.param("patients", patientIds.toArray(UUID[]::new));
		}
		return query
			.query((rs, n) -> new MaintenanceCourse(rs.getObject("id", UUID.class),
					rs.getObject("patient_id", UUID.class), names.get(rs.getString("template_code")),
					((Timestamp) rs.getTimestamp("created_at")).toInstant()))
			.list();
	}

}
