package org.kapclinic.measures;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.patient.CareTeamAccess.ClinicalScope;
import org.kapclinic.patient.Patients;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Occurrences of measure schedules: created ahead of time for interval schedules and
 * around doses for dose-anchored ones, completed by the next matching measurement, and
 * listed per patient and clinic-wide (the worklist). Creating the same occurrence twice
 * is a no-op (a unique key), so a retried dose report or two app instances are harmless.
 */
@Service
@Transactional
class DueMeasures {

	static final String RESOURCE = "DueMeasure";

	static final String INTERVAL = "INTERVAL";

	static final String BEFORE_DOSE = "BEFORE_DOSE";

	private final JdbcClient jdbc;

	private final CareTeamAccess access;

	private final CurrentUser currentUser;

	private final Patients patients;

	private final AuditTrail audit;

	private final ScheduleSettings settings;

	private final Clock clock;

	DueMeasures(JdbcClient jdbc, CareTeamAccess access, CurrentUser currentUser, Patients patients, AuditTrail audit,
			ScheduleSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.currentUser = currentUser;
		this.patients = patients;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Creates the occurrences of interval schedules that fall due within the lookahead.
	 * After downtime only the latest missed occurrence is created, not a backlog.
	 * @return the number of schedules advanced
	 */
	public int materialiseIntervals() {
		return materialise(this.jdbc.sql("""
				select id, patient_id, instruments, every_days, next_due_at from measures.schedule
				where cadence = 'INTERVAL' and ended_at is null and next_due_at <= ?
				order by next_due_at limit 1000 for update skip locked""").param(Timestamp.from(horizon())));
	}

	/** The same for one new schedule, so its first occurrence shows at once. */
	void materialise(UUID scheduleId) {
		materialise(this.jdbc.sql("""
				select id, patient_id, instruments, every_days, next_due_at from measures.schedule
				where id = ? and cadence = 'INTERVAL' and ended_at is null and next_due_at <= ? for update""")
			.params(scheduleId, Timestamp.from(horizon())));
	}

	private Instant horizon() {
		return Instant.now(this.clock).plus(this.settings.lookahead());
	}

	private int materialise(JdbcClient.StatementSpec query) {
		Instant horizon = horizon();
		List<IntervalRow> schedules = query
			.query((rs, n) -> new IntervalRow(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
					List.of((String[]) rs.getArray("instruments").getArray()), rs.getInt("every_days"),
					rs.getTimestamp("next_due_at").toInstant()))
			.list();
		for (IntervalRow schedule : schedules) {
			Duration every = Duration.ofDays(schedule.everyDays());
			Instant occurrence = schedule.nextDueAt();
			while (!occurrence.plus(every).isAfter(horizon)) {
				occurrence = occurrence.plus(every);
			}
			for (String instrument : schedule.instruments()) {
				insert(schedule.patientId(), schedule.id(), instrument, INTERVAL, occurrence,
						occurrence.plus(this.settings.overdueAfter()));
			}
			this.jdbc.sql("update measures.schedule set next_due_at = ? where id = ?")
				.params(Timestamp.from(occurrence.plus(every)), schedule.id())
				.update();
		}
		return schedules.size();
	}

	/**
	 * Occurrences after a dose for every active dose-anchored schedule of the patient.
	 */
	public int afterDose(UUID patientId, Instant doseAt) {
		this.jdbc.sql("insert into measures.dose_marker (patient_id, dose_at) values (?, ?) on conflict do nothing")
			.params(patientId, Timestamp.from(doseAt))
			.update();
		int created = 0;
		for (AnchoredRow schedule : doseAnchored(patientId)) {
			for (Duration offset : this.settings.afterDoseOffsets()) {
				Instant due = doseAt.plus(offset);
				for (String instrument : schedule.instruments()) {
					created += insert(patientId, schedule.id(), instrument, "AFTER_DOSE_" + offset, due,
							due.plus(this.settings.overdueAfter()));
				}
			}
		}
		return created;
	}

	/**
	 * Occurrences before a planned dosing session: due ahead of it, overdue at its start.
	 */
	public int beforeDose(UUID patientId, Instant sessionAt) {
		int created = 0;
		Instant due = sessionAt.minus(this.settings.beforeDoseLead());
		for (AnchoredRow schedule : doseAnchored(patientId)) {
			for (String instrument : schedule.instruments()) {
				created += insert(patientId, schedule.id(), instrument, BEFORE_DOSE, due, sessionAt);
			}
		}
		return created;
	}

	/**
	 * A measurement of the instrument completes the patient's open occurrences due up to
	 * shortly after it was administered.
	 */
	void complete(UUID patientId, String instrument, UUID measurementId, Instant administeredAt) {
		this.jdbc.sql("""
				update measures.due_measure set status = 'DONE', measurement_id = ?, completed_at = ?
				where patient_id = ? and instrument = ? and status = 'OPEN' and due_at <= ?""")
			.params(measurementId, Timestamp.from(Instant.now(this.clock)), patientId, instrument,
					Timestamp.from(administeredAt.plus(this.settings.earlyCompletion())))
			.update();
	}

	/** Doses reported for the patient, oldest first (the caller checked access). */
	List<Instant> doses(UUID patientId) {
		return this.jdbc.sql("select dose_at from measures.dose_marker where patient_id = ? order by dose_at")
			.param(patientId)
			.query((rs, n) -> rs.getTimestamp("dose_at").toInstant())
			.list();
	}

	/** Ending a schedule cancels its open occurrences. */
	void cancelOpen(UUID scheduleId) {
		this.jdbc.sql("update measures.due_measure set status = 'CANCELLED' where schedule_id = ? and status = 'OPEN'")
			.param(scheduleId)
			.update();
	}

	/** The patient's open occurrences (upcoming, due, overdue), soonest first. */
	@Transactional(readOnly = true)
	public List<DueMeasure> forPatient(UUID patientId) {
		this.access.requireClinical(patientId);
		List<DueMeasure> due = openFor(patientId);
		this.audit.record(AuditEvent.of(AuditAction.READ, RESOURCE, null)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail("open=" + due.size()));
		return due;
	}

	/** Open occurrences without an access check, for a module API that checks its own. */
	List<DueMeasure> openFor(UUID patientId) {
		Instant now = Instant.now(this.clock);
		return this.jdbc.sql(
				"select * from measures.due_measure where patient_id = ? and status = 'OPEN' order by due_at, instrument")
			.param(patientId)
			.query((rs, n) -> map(rs, now))
			.list();
	}

	/**
	 * The clinic's worklist: occurrences that are due or overdue for the patients the
	 * user may see clinically, most overdue first.
	 * @param state DUE, OVERDUE or null for both
	 */
	@Transactional(readOnly = true)
	public List<DueMeasure.Row> worklist(String state, int limit) {
		ClinicalScope scope = this.access.requireClinicalScope(this.currentUser.require());
		Instant now = Instant.now(this.clock);
		String stateClause = switch ((state != null) ? state : "") {
			case "DUE" -> " and overdue_at > :now";
			case "OVERDUE" -> " and overdue_at <= :now";
			default -> "";
		};
		String scopeClause = scope.all() ? "" : " and patient_id = any(:patients)";
		JdbcClient.StatementSpec query = this.jdbc
			.sql("select * from measures.due_measure where status = 'OPEN' " + "and due_at <= :now" + stateClause
					+ scopeClause + " order by overdue_at, patient_id limit :limit")
			.param("now", Timestamp.from(now))
			.param("limit", limit);
		if (!scope.all()) {
			query = query.param("patients", scope.patientIds().toArray(UUID[]::new));
		}
		List<DueMeasure> due = query.query((rs, n) -> map(rs, now)).list();
		Map<UUID, Patients.PatientName> names = this.patients.names(due.stream().map(DueMeasure::patientId).toList());
		List<DueMeasure.Row> rows = new ArrayList<>(due.size());
		for (DueMeasure measure : due) {
			Patients.PatientName patient = names.get(measure.patientId());
			rows.add(new DueMeasure.Row(measure, (patient != null) ? patient.mrn() : "",
					(patient != null) ? patient.displayName() : ""));
		}
		this.audit.record(AuditEvent.of(AuditAction.QUERY, RESOURCE, null)
			.category(DataCategory.CLINICAL)
			.patients(due.stream().map(DueMeasure::patientId).toList())
			.detail("worklist state=" + state + " rows=" + rows.size() + " patients=" + names.size()));
		return rows;
	}

	private int insert(UUID patientId, UUID scheduleId, String instrument, String anchor, Instant dueAt,
			Instant overdueAt) {
		return this.jdbc.sql("""
				insert into measures.due_measure (id, patient_id, schedule_id, instrument, anchor, due_at, overdue_at)
				values (?, ?, ?, ?, ?, ?, ?) on conflict (schedule_id, instrument, anchor, due_at) do nothing""")
			.params(UUID.randomUUID(), patientId, scheduleId, instrument, anchor, Timestamp.from(dueAt),
					Timestamp.from(overdueAt))
			.update();
	}

	private List<AnchoredRow> doseAnchored(UUID patientId) {
		return this.jdbc.sql("""
				select id, instruments from measures.schedule
				where patient_id = ? and cadence = 'DOSE_ANCHORED' and ended_at is null""")
			.param(patientId)
			.query((rs, n) -> new AnchoredRow(rs.getObject("id", UUID.class),
					List.of((String[]) rs.getArray("instruments").getArray())))
			.list();
	}

	static DueMeasure map(ResultSet rs, Instant now) throws SQLException {
		String status = rs.getString("status");
		Instant dueAt = rs.getTimestamp("due_at").toInstant();
		Instant overdueAt = rs.getTimestamp("overdue_at").toInstant();
		String state = !"OPEN".equals(status) ? status
				: now.isBefore(dueAt) ? "UPCOMING" : now.isBefore(overdueAt) ? "DUE" : "OVERDUE";
		Timestamp sent = rs.getTimestamp("sent_at");
		Timestamp completed = rs.getTimestamp("completed_at");
		return new DueMeasure(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
				rs.getObject("schedule_id", UUID.class), rs.getString("instrument"), rs.getString("anchor"), dueAt,
				overdueAt, state, (sent != null) ? sent.toInstant() : null, rs.getObject("self_report_id", UUID.class),
				rs.getObject("measurement_id", UUID.class), (completed != null) ? completed.toInstant() : null);
	}

	private record IntervalRow(UUID id, UUID patientId, List<String> instruments, int everyDays, Instant nextDueAt) {
	}

	private record AnchoredRow(UUID id, List<String> instruments) {
	}

}
