package org.kapclinic.scheduling;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a patient attended of their courses, for reports across the practice (the outcomes
 * report's dose-response by integration sessions). No access check, no audit: the report
 * checks its role and audits itself.
 */
@Service
@Transactional(readOnly = true)
public class CourseAttendance {

	private final JdbcClient jdbc;

	CourseAttendance(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Per course of the patient, the integration sessions attended: individual or group,
	 * completed, booked in the course.
	 */
	public Map<UUID, Integer> integrationSessions(UUID patientId) {
		Map<UUID, Integer> attended = new HashMap<>();
		this.jdbc.sql("""
				select course_id, count(*) as attended from scheduling.appointment
				where patient_id = ? and course_id is not null and status = 'COMPLETED'
				  and type in ('INTEGRATION', 'GROUP_INTEGRATION')
				group by course_id""").param(patientId).query((java.sql.ResultSet rs) -> {
			attended.put(rs.getObject("course_id", UUID.class), rs.getInt("attended"));
		});
		return attended;
	}

	/**
	 * The patient's integration sessions since {@code since} that they missed (no-show)
	 * while dosing went on: a completed dosing session followed. A misuse signal for the
	 * prescriber (issue 19): dosing continued without the integration that frames it.
	 */
	public java.util.List<java.time.Instant> missedIntegrationWhileDosing(UUID patientId, java.time.Instant since) {
		return this.jdbc.sql("""
				select i.start_at from scheduling.appointment i
				where i.patient_id = ? and i.type in ('INTEGRATION', 'GROUP_INTEGRATION') and i.status = 'NO_SHOW'
				  and i.start_at >= ?
				  and exists (select 1 from scheduling.appointment d where d.patient_id = i.patient_id
				              and d.type = 'DOSING' and d.status = 'COMPLETED' and d.start_at > i.start_at)
				order by i.start_at""")
			.params(patientId, java.sql.Timestamp.from(since))
			.query((rs, n) -> rs.getTimestamp("start_at").toInstant())
			.list();
	}

	/**
	 * How many patients missed an integration session since {@code since} while dosing
	 * went on (as {@link #missedIntegrationWhileDosing}); for aggregate reports.
	 */
	public int patientsMissingIntegrationWhileDosing(java.time.Instant since) {
		return this.jdbc.sql("""
				select count(distinct i.patient_id) from scheduling.appointment i
				where i.type in ('INTEGRATION', 'GROUP_INTEGRATION') and i.status = 'NO_SHOW' and i.start_at >= ?
				  and exists (select 1 from scheduling.appointment d where d.patient_id = i.patient_id
				              and d.type = 'DOSING' and d.status = 'COMPLETED' and d.start_at > i.start_at)""")
			.param(java.sql.Timestamp.from(since))
			.query(Integer.class)
			.single();
	}

}
