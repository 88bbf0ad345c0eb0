package org.kapclinic.dosing;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dosing record by course, for reports across the practice. No access check and no
 * audit: the caller is an aggregate report, which checks its own role and audits the
 * report.
 */
@Service
@Transactional(readOnly = true)
public class CourseDosing {

	private final JdbcClient jdbc;

	CourseDosing(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The patient's courses in which drug was given, earliest first dose first. */
	public List<DosedCourse> dosedCourses(UUID patientId) {
		java.util.Map<UUID, java.util.Map<String, Integer>> events = adverseEventCounts(patientId);
		return this.jdbc
			.sql("""
					select s.course_id, min(s.program) as program, mode() within group (order by s.route) as route,
					       min(s.first_dose_at) as first_dose_at, max(coalesce(s.last_dose_at, s.first_dose_at)) as last_dose_at,
					       count(*) as sessions, avg(o.dose_mg_per_kg) filter (where s.route <> 'IN') as mg_per_kg,
					       count(*) filter (where s.held or s.hold_override_reason is not null) as held_sessions,
					       coalesce(sum((select count(*) from dosing.alert a where a.session_id = s.id)), 0) as alerts,
					       count(*) filter (where not exists (select 1 from dosing.vitals v
					                                          where v.session_id = s.id and not v.pre_dose)) as unmonitored
					from dosing.session s
					left join lateral (select dose_mg_per_kg from dosing.dose_order
					                   where session_id = s.id order by ordered_at desc limit 1) o on true
					where s.patient_id = ? and s.course_id is not null and s.first_dose_at is not null
					group by s.course_id
					order by min(s.first_dose_at), s.course_id""")
			.param(patientId)
			.query((rs, n) -> new DosedCourse(rs.getObject("course_id", UUID.class), rs.getString("program"),
					Route.valueOf(rs.getString("route")), rs.getTimestamp("first_dose_at").toInstant(),
					rs.getTimestamp("last_dose_at").toInstant(), rs.getInt("sessions"), rs.getBigDecimal("mg_per_kg"),
					rs.getInt("held_sessions"), rs.getInt("alerts"),
					events.getOrDefault(rs.getObject("course_id", UUID.class), java.util.Map.of()),
					rs.getInt("unmonitored")))
			.list();
	}

	/** Per course, the patient's side effects and adverse events by EFFECT|SEVERITY. */
	private java.util.Map<UUID, java.util.Map<String, Integer>> adverseEventCounts(UUID patientId) {
		java.util.Map<UUID, java.util.Map<String, Integer>> counts = new java.util.HashMap<>();
		this.jdbc.sql("""
				select s.course_id, coalesce(o.effect, 'OTHER') || '|' || coalesce(o.severity, 'UNKNOWN') as event,
				       count(*) as events
				from dosing.observation o join dosing.session s on s.id = o.session_id
				where s.patient_id = ? and s.course_id is not null and o.voided_at is null
				  and o.kind in ('SIDE_EFFECT', 'ADVERSE_EVENT')
				group by 1, 2""").param(patientId).query((java.sql.ResultSet rs) -> {
			counts.computeIfAbsent(rs.getObject("course_id", UUID.class), (k) -> new java.util.TreeMap<>())
				.put(rs.getString("event"), rs.getInt("events"));
		});
		return counts;
	}

	/** A side effect's words ({@code NAUSEA}: "Nausea"). */
	public String effectLabel(String code) {
		return SideEffect.labelOf(code);
	}

	/** A severity's words ({@code LIFE_THREATENING}: "Life-threatening"). */
	public String severityLabel(String code) {
		return EventSeverity.labelOf(code);
	}

	/**
	 * Patients with at least one dose in a course, in id order after {@code after} (null:
	 * from the start): a rebuild pages through them.
	 */
	public List<UUID> patientsWithDoses(UUID after, int limit) {
		return this.jdbc.sql("""
				select distinct patient_id from dosing.session
				where course_id is not null and first_dose_at is not null and patient_id > ?
				order by patient_id limit ?""")
			.params((after != null) ? after : new UUID(0, 0), limit)
			.query(UUID.class)
			.list();
	}

	/**
	 * Every session of the patients' courses in which drug was given, by patient and
	 * time.
	 */
	public List<DosedSession> sessions(java.util.Collection<UUID> patientIds) {
		return this.jdbc.sql("""
				select s.patient_id, s.course_id, s.program, s.route, s.first_dose_at, o.dose_mg, o.dose_mg_per_kg,
				       (s.held or s.hold_override_reason is not null) as held,
				       (select count(*) from dosing.alert a where a.session_id = s.id) as alerts
				from dosing.session s
				left join lateral (select dose_mg, dose_mg_per_kg from dosing.dose_order
				                   where session_id = s.id order by ordered_at desc limit 1) o on true
				where s.patient_id = any(?) and s.course_id is not null and s.first_dose_at is not null
				order by s.patient_id, s.first_dose_at""")
			.param(patientIds.toArray(UUID[]::new))
			.query((rs, n) -> new DosedSession(rs.getObject("patient_id", UUID.class),
					rs.getObject("course_id", UUID.class), rs.getString("program"),
					Route.valueOf(rs.getString("route")), rs.getTimestamp("first_dose_at").toInstant(),
					rs.getBigDecimal("dose_mg"),
					"IN".equals(rs.getString("route")) ? null : rs.getBigDecimal("dose_mg_per_kg"),
					rs.getBoolean("held"), rs.getInt("alerts")))
			.list();
	}

	/** Side effects and adverse events of the patients' course sessions, not voided. */
	public List<RecordedAdverseEvent> adverseEvents(java.util.Collection<UUID> patientIds) {
		return this.jdbc.sql("""
				select s.patient_id, s.course_id, o.at, o.kind, o.effect, o.severity
				from dosing.observation o join dosing.session s on s.id = o.session_id
				where s.patient_id = any(?) and s.course_id is not null and o.voided_at is null
				  and o.kind in ('SIDE_EFFECT', 'ADVERSE_EVENT')
				order by s.patient_id, o.at""")
			.param(patientIds.toArray(UUID[]::new))
			.query((rs, n) -> new RecordedAdverseEvent(rs.getObject("patient_id", UUID.class),
					rs.getObject("course_id", UUID.class), rs.getTimestamp("at").toInstant(), rs.getString("kind"),
					rs.getString("effect"), rs.getString("severity")))
			.list();
	}

}
