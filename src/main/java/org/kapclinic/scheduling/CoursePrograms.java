package org.kapclinic.scheduling;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kapclinic.intake.Program;
import org.kapclinic.shared.ClinicTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient's courses and their programs, for the access fund (issue 20): a restriction
 * names a program, and an award of sessions names a course. No access check, no audit:
 * the caller checks its own role and discloses no clinical detail (the program and when
 * the course began, nothing of its plan).
 */
@Service
@Transactional(readOnly = true)
public class CoursePrograms {

	/**
	 * A course as the fund committee picks it: "IV ketamine infusion, from 2 Nov 2026".
	 */
	public record CourseChoice(UUID id, String program, String label) {
	}

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu");

	private final JdbcClient jdbc;

	private final ZoneId zone;

	CoursePrograms(JdbcClient jdbc, ClinicTime clinicTime) {
		this.jdbc = jdbc;
		this.zone = clinicTime.timeZone();
	}

	public List<String> of(UUID patientId) {
		return this.jdbc.sql("select distinct program from scheduling.course where patient_id = ?")
			.param(patientId)
			.query(String.class)
			.list();
	}

	/**
	 * Whether the patient is still in a course of care: one planned, active or paused
	 * (false once their last course is completed or discontinued, or before any).
	 */
	public boolean inCourse(UUID patientId) {
		return this.jdbc.sql("""
				select exists (select 1 from scheduling.course where patient_id = ?
				               and status in ('PLANNED', 'ACTIVE', 'PAUSED'))""")
			.param(patientId)
			.query(Boolean.class)
			.single();
	}

	/** Each patient's courses, newest first (patients without any are absent). */
	public Map<UUID, List<CourseChoice>> courses(Collection<UUID> patientIds) {
		Map<UUID, List<CourseChoice>> courses = new LinkedHashMap<>();
		if (patientIds.isEmpty()) {
			return courses;
		}
		this.jdbc.sql("""
				select id, patient_id, program, status, created_at from scheduling.course
				where patient_id = any(?) order by created_at desc""")
			.param(patientIds.toArray(UUID[]::new))
			.query((rs) -> {
				String program = rs.getString("program");
				String label = Program.labelOf(program) + ", from "
						+ DAY.format(rs.getTimestamp("created_at").toInstant().atZone(this.zone)) + " ("
						+ CourseStatus.valueOf(rs.getString("status")).label().toLowerCase(java.util.Locale.ROOT) + ")";
				courses.computeIfAbsent(rs.getObject("patient_id", UUID.class), (k) -> new java.util.ArrayList<>())
					.add(new CourseChoice(rs.getObject("id", UUID.class), program, label));
			});
		return courses;
	}

}
