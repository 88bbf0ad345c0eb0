package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The session's own rows: the session, its transitions (every change of state appends
 * one), orders and administrations. What is measured during the session is in
 * {@link MonitoringRows}.
 */
@Component
class SessionRows {

	private static final TypeReference<LinkedHashMap<String, Boolean>> CHECKLIST = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	/**
	 * Made once: resolving CHECKLIST's generic type on each row costs more than parsing
	 * it.
	 */
	private final ObjectReader checklistReader;

	SessionRows(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
		this.checklistReader = json.readerFor(CHECKLIST);
	}

	Optional<DosingSession> find(UUID id) {
		return this.jdbc.sql("select * from dosing.session where id = ?").param(id).query(this::session).optional();
	}

	/** The session, locked until commit: every step on one session runs one at a time. */
	Optional<DosingSession> lock(UUID id) {
		return this.jdbc.sql("select * from dosing.session where id = ? for update")
			.param(id)
			.query(this::session)
			.optional();
	}

	List<DosingSession> forPatient(UUID patientId) {
		return this.jdbc.sql("select * from dosing.session where patient_id = ? order by checked_in_at desc")
			.param(patientId)
			.query(this::session)
			.list();
	}

	boolean appointmentTaken(UUID appointmentId) {
		return this.jdbc.sql("select exists (select 1 from dosing.session where appointment_id = ?)")
			.param(appointmentId)
			.query(Boolean.class)
			.single();
	}

	void insert(DosingSession s) {
		this.jdbc
			.sql("""
					insert into dosing.session (id, patient_id, appointment_id, room_id, protocol_code, protocol_version, program,
					    route, state, weight_kg, weight_measured_at, checked_in_at, checked_in_by, course_id)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(s.id(), s.patientId(), s.appointmentId(), s.roomId(), s.protocol(), s.protocolVersion(),
					s.program(), s.route().name(), s.state().name(), s.weightKg(), ts(s.weightMeasuredAt()),
					ts(s.checkedInAt()), s.checkedInBy(), s.courseId())
			.update();
		transition(s.id(), null, s.state(), s.checkedInBy(), null, s.checkedInAt());
	}

	void transition(UUID id, SessionState from, SessionState to, UUID by, String reason, Instant at) {
		if (from != null && !from.canMoveTo(to)) {
			throw new org.kapclinic.shared.ConflictException("A session cannot go from " + from + " to " + to,
					SessionGuard.RESOURCE, id)
				.with("state", from.name());
		}
		if (from != null) {
			this.jdbc.sql("update dosing.session set state = ? where id = ?").params(to.name(), id).update();
		}
		this.jdbc.sql("""
				insert into dosing.session_transition (session_id, from_state, to_state, at, by_user, reason)
				values (?, ?, ?, ?, ?, ?)""")
			.params(id, (from != null) ? from.name() : null, to.name(), ts(at), by, reason)
			.update();
	}

	void saveChecklist(UUID id, Map<String, Boolean> items, boolean complete, List<String> concomitant) {
		this.jdbc.sql("""
				update dosing.session set checklist = ?::jsonb, checklist_complete = ?, concomitant = ?
				where id = ?""")
			.params(this.json.writeValueAsString(items), complete, concomitant.toArray(String[]::new), id)
			.update();
	}

	/**
	 * Sets or releases the hold; {@code ceilingAt} is the time of a reading at or above
	 * the ceiling.
	 */
	void hold(UUID id, boolean held, String reason, Instant ceilingAt) {
		this.jdbc.sql("update dosing.session set held = ?, hold_reason = ?, ceiling_held_at = ? where id = ?")
			.params(held, reason, ts(ceilingAt), id)
			.update();
	}

	void overrideHold(UUID id, String reason, UUID by, UUID coSignedBy) {
		this.jdbc.sql("""
				update dosing.session set held = false, ceiling_held_at = null, hold_override_reason = ?,
				    hold_override_by = ?, hold_override_cosigned_by = ? where id = ?""")
			.params(reason, by, coSignedBy, id)
			.update();
	}

	/**
	 * Whether an earlier session of the patient's course (or, outside a course, any
	 * earlier session) gave esketamine.
	 */
	boolean esketamineGivenBefore(UUID patientId, UUID courseId, UUID sessionId) {
		return this.jdbc.sql("""
				select exists (select 1 from dosing.session where patient_id = ? and id <> ? and route = 'IN'
				    and first_dose_at is not null and (?::uuid is null or course_id = ?))""")
			.params(patientId, sessionId, courseId, courseId)
			.query(Boolean.class)
			.single();
	}

	void doseTimes(UUID id, Instant firstDoseAt, Instant lastDoseAt) {
		this.jdbc.sql("""
				update dosing.session set first_dose_at = coalesce(first_dose_at, ?), last_dose_at = ?
				where id = ?""").params(ts(firstDoseAt), ts(lastDoseAt), id).update();
	}

	void ready(UUID id, Instant at, String dischargeJson) {
		this.jdbc.sql("update dosing.session set ready_at = ?, discharge = ?::jsonb where id = ?")
			.params(ts(at), dischargeJson, id)
			.update();
	}

	void close(UUID id, Instant at, String reason) {
		this.jdbc.sql("update dosing.session set closed_at = ?, close_reason = ? where id = ?")
			.params(ts(at), reason, id)
			.update();
	}

	// --- orders -------------------------------------------------------------------

	Optional<DoseOrder> currentOrder(UUID sessionId) {
		return this.jdbc.sql("""
				select * from dosing.dose_order where session_id = ? and superseded_at is null
				order by ordered_at desc limit 1""").param(sessionId).query(SessionRows::order).optional();
	}

	List<DoseOrder> orders(UUID sessionId) {
		return this.jdbc.sql("select * from dosing.dose_order where session_id = ? order by ordered_at")
			.param(sessionId)
			.query(SessionRows::order)
			.list();
	}

	void insertOrder(UUID sessionId, DoseOrder o) {
		this.jdbc.sql("update dosing.dose_order set superseded_at = ? where session_id = ? and superseded_at is null")
			.params(ts(o.orderedAt()), sessionId)
			.update();
		this.jdbc
			.sql("""
					insert into dosing.dose_order (id, session_id, dose_mg, dose_mg_per_kg, weight_kg, infusion_minutes,
					    rate_mg_per_hour, override_reason, ordered_at, ordered_by, verification_required, exposure_acknowledgement)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(o.id(), sessionId, o.doseMg(), o.doseMgPerKg(), o.weightKg(), o.infusionMinutes(),
					o.rateMgPerHour(), o.overrideReason(), ts(o.orderedAt()), o.orderedBy(), o.verificationRequired(),
					o.exposureAcknowledgement())
			.update();
	}

	void verifyOrder(UUID orderId, UUID by, Instant at) {
		this.jdbc.sql("update dosing.dose_order set verified_at = ?, verified_by = ? where id = ?")
			.params(ts(at), by, orderId)
			.update();
	}

	// --- administrations
	// -----------------------------------------------------------------

	List<Administration> administrations(UUID sessionId) {
		return this.jdbc.sql("select * from dosing.administration where session_id = ? order by at, recorded_at")
			.param(sessionId)
			.query(SessionRows::administration)
			.list();
	}

	void insertAdministration(UUID sessionId, Administration a) {
		this.jdbc
			.sql("""
					insert into dosing.administration (id, session_id, kind, dose_mg, rate_mg_per_hour, lot_id, ledger_entry_id,
					    override_reason, at, recorded_at, recorded_by, late)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(a.id(), sessionId, a.kind(), a.doseMg(), a.rateMgPerHour(), a.lotId(), a.ledgerEntryId(),
					a.overrideReason(), ts(a.at()), ts(a.recordedAt()), a.recordedBy(), a.late())
			.update();
	}

	List<Transition> transitions(UUID sessionId) {
		return this.jdbc.sql("select * from dosing.session_transition where session_id = ? order by id")
			.param(sessionId)
			.query((rs, n) -> new Transition(rs.getString("from_state"), rs.getString("to_state"), instant(rs, "at"),
					rs.getObject("by_user", UUID.class), rs.getString("reason")))
			.list();
	}

	/** One change of state. */
	record Transition(String from, String to, Instant at, UUID by, String reason) {
	}

	// --- mapping ------------------------------------------------------------------

	DosingSession session(ResultSet rs, int n) throws SQLException {
		return new DosingSession(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
				rs.getObject("appointment_id", UUID.class), rs.getObject("room_id", UUID.class),
				rs.getString("protocol_code"), rs.getInt("protocol_version"), rs.getString("program"),
				Route.valueOf(rs.getString("route")), SessionState.valueOf(rs.getString("state")),
				rs.getBigDecimal("weight_kg"), instant(rs, "weight_measured_at"),
				this.checklistReader.readValue(rs.getString("checklist")), rs.getBoolean("checklist_complete"),
				strings(rs.getArray("concomitant")), rs.getBoolean("held"), rs.getString("hold_reason"),
				rs.getString("hold_override_reason"), instant(rs, "first_dose_at"), instant(rs, "last_dose_at"),
				instant(rs, "ready_at"), instant(rs, "closed_at"), rs.getString("close_reason"),
				instant(rs, "checked_in_at"), rs.getObject("checked_in_by", UUID.class), rs.getInt("version"),
				rs.getObject("course_id", UUID.class), instant(rs, "ceiling_held_at"));
	}

	private static DoseOrder order(ResultSet rs, int n) throws SQLException {
		return new DoseOrder(rs.getObject("id", UUID.class), rs.getBigDecimal("dose_mg"),
				rs.getBigDecimal("dose_mg_per_kg"), rs.getBigDecimal("weight_kg"),
				(Integer) rs.getObject("infusion_minutes"), rs.getBigDecimal("rate_mg_per_hour"),
				rs.getString("override_reason"), instant(rs, "ordered_at"), rs.getObject("ordered_by", UUID.class),
				rs.getBoolean("verification_required"), instant(rs, "verified_at"),
				rs.getObject("verified_by", UUID.class), instant(rs, "superseded_at"),
				rs.getString("exposure_acknowledgement"));
	}

	private static Administration administration(ResultSet rs, int n) throws SQLException {
		return new Administration(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getBigDecimal("dose_mg"),
				rs.getBigDecimal("rate_mg_per_hour"), rs.getObject("lot_id", UUID.class),
				rs.getObject("ledger_entry_id", UUID.class), rs.getString("override_reason"), instant(rs, "at"),
				instant(rs, "recorded_at"), rs.getObject("recorded_by", UUID.class), rs.getBoolean("late"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return (t != null) ? t.toInstant() : null;
	}

	private static List<String> strings(Array array) throws SQLException {
		return (array == null) ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	static Timestamp ts(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	static BigDecimal sumGiven(List<Administration> administrations) {
		return administrations.stream()
			.filter(Administration::givesDrug)
			.map(Administration::doseMg)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
