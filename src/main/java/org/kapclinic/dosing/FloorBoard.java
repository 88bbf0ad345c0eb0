package org.kapclinic.dosing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.identity.UserDirectory;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.patient.CareTeamAccess.ClinicalScope;
import org.kapclinic.patient.Patients;
import org.kapclinic.scheduling.Appointments;
import org.kapclinic.scheduling.ClinicResources;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The treatment floor's read model: every active session on the floor (a nurse's or
 * prescriber's whole floor; a therapist's care teams), most urgent first, with who is
 * assigned, the latest vitals against the thresholds, the next vitals check (overdue in
 * red) and open alerts. Four queries whatever the number of sessions: sessions, their
 * vitals, their open alerts, and the patients' names.
 */
/*
 * No read-only transaction around the reads: the audit row of a read is committed by the
 * audit batch writer on a connection of its own, and a transaction held open meanwhile
 * would tie up a second connection per request (pool exhaustion under load).
 */
@Service
class FloorBoard {

	private final JdbcClient jdbc;

	private final SessionRows rows;

	private final Protocols protocols;

	private final CareTeamAccess access;

	private final CurrentUser currentUser;

	private final Patients patients;

	private final ClinicResources resources;

	private final AuditTrail audit;

	private final DosingSettings settings;

	private final Clock clock;

	private final Appointments appointments;

	private final UserDirectory directory;

	FloorBoard(JdbcClient jdbc, SessionRows rows, Protocols protocols, CareTeamAccess access, CurrentUser currentUser,
			Patients patients, ClinicResources resources, AuditTrail audit, DosingSettings settings, Clock clock,
			Appointments appointments, UserDirectory directory) {
		this.appointments = appointments;
		this.directory = directory;
		this.jdbc = jdbc;
		this.rows = rows;
		this.protocols = protocols;
		this.access = access;
		this.currentUser = currentUser;
		this.patients = patients;
		this.resources = resources;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	/** The board is for roles that see clinical content (403 otherwise). */
	void requireViewer() {
		scope(this.currentUser.require());
	}

	/**
	 * The floor is the clinic's, not the care team's: every nurse and prescriber sees
	 * every active session (a chair nobody watches is a safety hazard, issue 14); a
	 * therapist sees their care teams' sessions; front desk none (403).
	 */
	private ClinicalScope scope(StaffMember user) {
		if (SessionGuard.DOSING_STAFF.stream().anyMatch(user::has)) {
			return new ClinicalScope(true, java.util.Set.of());
		}
		return this.access.requireClinicalScope(user);
	}

	public List<BoardRow> rows() {
		ClinicalScope scope = scope(this.currentUser.require());
		Instant now = Instant.now(this.clock);
		String sql = "select * from dosing.session where state not in ('DISCHARGED', 'ABORTED')"
				+ (scope.all() ? "" : " and patient_id = any(:patients)") + " order by checked_in_at";
		var query = this.jdbc.sql(sql);
		if (!scope.all()) {
			query = query.param("patients", scope.patientIds().toArray(UUID[]::new));
		}
		List<DosingSession> sessions = query.query(this.rows::session).list();
		UUID[] ids = sessions.stream().map(DosingSession::id).toArray(UUID[]::new);
		Map<UUID, Vitals> latestVitals = latestVitals(ids);
		Map<UUID, List<Alert>> alerts = openAlerts(ids);
		Map<UUID, Patients.PatientName> names = this.patients
			.names(sessions.stream().map(DosingSession::patientId).toList());
		Map<UUID, String> chairs = this.resources.names();
		Map<UUID, List<String>> assigned = assigned(sessions);
		List<BoardRow> board = new ArrayList<>(sessions.size());
		for (DosingSession s : sessions) {
			Protocol protocol = this.protocols.version(s.protocol(), s.protocolVersion());
			Vitals latest = latestVitals.get(s.id());
			VitalsSchedule.Due due = VitalsSchedule.next(protocol.vitals(), s.state(), s.checkedInAt(), s.firstDoseAt(),
					s.state() == SessionState.DOSING, s.held(), this.settings.holdRecheckAfter(),
					(latest != null) ? latest.at() : null, now, this.settings.vitalsOverdueGrace());
			List<String> flags = (latest == null) ? List.of()
					: Thresholds
						.vitals(protocol.alerts(), latest.systolic(), latest.diastolic(), latest.heartRate(),
								latest.spo2(), latest.respiratoryRate())
						.stream()
						.map(Thresholds.Crossing::code)
						.toList();
			Patients.PatientName name = names.get(s.patientId());
			board.add(new BoardRow(s.id(), s.patientId(), (name != null) ? name.mrn() : "",
					(name != null) ? name.displayName() : "", chairs.getOrDefault(s.roomId(), "—"), protocol.name(),
					s.route(), s.state(), s.held(),
					(s.firstDoseAt() != null) ? Duration.between(s.firstDoseAt(), now).toMinutes() : null,
					(due != null) ? due.at() : null, (due != null) ? due.kind() : null, due != null && due.overdue(),
					latest, flags, alerts.getOrDefault(s.id(), List.of()),
					s.state().doseGiven() ? DischargeRules.remainingMinutes(protocol, s.lastDoseAt(), now) : 0,
					assigned.getOrDefault(s.appointmentId(), List.of())));
		}
		board.sort(BoardRow.URGENCY);
		// A floor read: one row for the request, naming the patients it showed.
		this.audit.record(AuditEvent.of(AuditAction.QUERY, "DosingBoard", null)
			.category(DataCategory.CLINICAL)
			.patients(board.stream().map(BoardRow::patientId).toList())
			.detail("floor read, active sessions=" + board.size()));
		return board;
	}

	/**
	 * The latest reading per session: all the board and the schedule need, one index
	 * probe per session (vitals_session_idx), however long the sessions' history.
	 */
	private Map<UUID, Vitals> latestVitals(UUID[] ids) {
		Map<UUID, Vitals> latest = new HashMap<>();
		if (ids.length > 0) {
			this.jdbc.sql("""
					select v.session_id, v.id, v.pre_dose, v.systolic, v.diastolic, v.heart_rate, v.spo2,
					       v.respiratory_rate, v.at, v.recorded_at, v.recorded_by, v.late
					from unnest(?::uuid[]) as s(id)
					cross join lateral (select * from dosing.vitals where session_id = s.id and voided_at is null
					                    order by at desc limit 1) v""").param(ids).query((ResultSet rs) -> {
				latest.put(rs.getObject("session_id", UUID.class), vitals(rs));
			});
		}
		return latest;
	}

	private Map<UUID, List<Alert>> openAlerts(UUID[] ids) {
		Map<UUID, List<Alert>> alerts = new HashMap<>();
		if (ids.length > 0) {
			this.jdbc
				.sql("""
						select * from dosing.alert where session_id = any(?) and acknowledged_at is null order by raised_at""")
				.param(ids)
				.query((ResultSet rs) -> {
					alerts.computeIfAbsent(rs.getObject("session_id", UUID.class), (k) -> new ArrayList<>())
						.add(new Alert(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("message"),
								SessionRows.instant(rs, "at"), SessionRows.instant(rs, "raised_at"), null, null, null));
				});
		}
		return alerts;
	}

	/** The staff of each session's dosing appointment, by name. */
	private Map<UUID, List<String>> assigned(List<DosingSession> sessions) {
		Map<UUID, List<UUID>> staff = this.appointments
			.staffOf(sessions.stream().map(DosingSession::appointmentId).toList());
		Map<UUID, StaffMember> people = this.directory
			.findAll(staff.values().stream().flatMap(List::stream).distinct().toList());
		Map<UUID, List<String>> names = new HashMap<>();
		staff.forEach((appointment, ids) -> names.put(appointment,
				ids.stream()
					.map(people::get)
					.filter(java.util.Objects::nonNull)
					.map(StaffMember::displayName)
					.sorted()
					.toList()));
		return names;
	}

	private static Vitals vitals(ResultSet rs) throws SQLException {
		return new Vitals(rs.getObject("id", UUID.class), rs.getBoolean("pre_dose"), rs.getInt("systolic"),
				rs.getInt("diastolic"), rs.getInt("heart_rate"), (Integer) rs.getObject("spo2"),
				(Integer) rs.getObject("respiratory_rate"), SessionRows.instant(rs, "at"),
				SessionRows.instant(rs, "recorded_at"), rs.getObject("recorded_by", UUID.class), rs.getBoolean("late"));
	}

}
