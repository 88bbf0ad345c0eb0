package org.kapclinic.measures;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The first dose of each of a patient's treatment courses, as dosing reports it: what a
 * course's outcome baseline is measured against. A patient's current course is the one
 * with the latest first dose (measures must not ask scheduling which course is open, and
 * the course most recently started is the one its newest scores belong to).
 */
@Component
class CourseDoses {

	private final JdbcClient jdbc;

	private final Clock clock;

	CourseDoses(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Idempotent; keeps the earliest dose when doses are reported late or twice. */
	void record(UUID patientId, UUID courseId, Instant at) {
		this.jdbc.sql("""
				insert into measures.course_first_dose (patient_id, course_id, first_dose_at, recorded_at)
				values (?, ?, ?, ?)
				on conflict (patient_id, course_id) do update
				    set first_dose_at = least(course_first_dose.first_dose_at, excluded.first_dose_at)""")
			.params(patientId, courseId, Timestamp.from(at), Timestamp.from(Instant.now(this.clock)))
			.update();
	}

	/** The patient's courses, earliest first dose first. */
	List<CourseDose> of(UUID patientId) {
		return this.jdbc.sql("""
				select course_id, first_dose_at from measures.course_first_dose
				where patient_id = ? order by first_dose_at, course_id""")
			.param(patientId)
			.query((rs, n) -> new CourseDose(rs.getObject("course_id", UUID.class),
					rs.getTimestamp("first_dose_at").toInstant()))
			.list();
	}

	record CourseDose(UUID courseId, Instant firstDoseAt) {
	}

}
