package org.kapclinic.dosing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.kapclinic.dosing.SessionRows.instant;
import static org.kapclinic.dosing.SessionRows.ts;

/**
 * What is measured and seen during a session: vitals, observations and the alerts they
 * raise. Voided rows are never read back (clinical data is voided, not deleted).
 */
@Component
class MonitoringRows {

	static final String INSERT_VITALS = """
			insert into dosing.vitals (id, session_id, pre_dose, systolic, diastolic, heart_rate, spo2, respiratory_rate,
			    at, recorded_at, recorded_by, late)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	static final String INSERT_ALERT = """
			insert into dosing.alert (id, session_id, code, message, at, raised_at) values (?, ?, ?, ?, ?, ?)""";

	private final JdbcClient jdbc;

	MonitoringRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Vitals> vitals(UUID sessionId) {
		return this.jdbc
			.sql("select * from dosing.vitals where session_id = ? and voided_at is null order by at, recorded_at")
			.param(sessionId)
			.query(MonitoringRows::vitals)
			.list();
	}

	boolean hasPreDoseVitals(UUID sessionId) {
		return this.jdbc
			.sql("select exists (select 1 from dosing.vitals where session_id = ? and pre_dose and voided_at is null)")
			.param(sessionId)
			.query(Boolean.class)
			.single();
	}

	void insertVitals(UUID sessionId, Vitals v) {
		this.jdbc.sql(INSERT_VITALS)
			.params(v.id(), sessionId, v.preDose(), v.systolic(), v.diastolic(), v.heartRate(), v.spo2(),
					v.respiratoryRate(), ts(v.at()), ts(v.recordedAt()), v.recordedBy(), v.late())
			.update();
	}

	List<Observation> observations(UUID sessionId) {
		return this.jdbc
			.sql("select * from dosing.observation where session_id = ? and voided_at is null order by at, recorded_at")
			.param(sessionId)
			.query(MonitoringRows::observation)
			.list();
	}

	void insertObservation(UUID sessionId, Observation o) {
		this.jdbc
			.sql("""
					insert into dosing.observation (id, session_id, kind, moaas, cadss_total, effect, severity, drug, drug_dose,
					    text, at, recorded_at, recorded_by, late)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(o.id(), sessionId, o.kind(), o.moaas(), o.cadssTotal(), o.effect(), o.severity(), o.drug(),
					o.drugDose(), o.text(), ts(o.at()), ts(o.recordedAt()), o.recordedBy(), o.late())
			.update();
	}

	List<Alert> alerts(UUID sessionId) {
		return this.jdbc.sql("select * from dosing.alert where session_id = ? order by raised_at")
			.param(sessionId)
			.query(MonitoringRows::alert)
			.list();
	}

	void insertAlert(UUID sessionId, Alert a) {
		this.jdbc.sql(INSERT_ALERT)
			.params(a.id(), sessionId, a.code(), a.message(), ts(a.at()), ts(a.raisedAt()))
			.update();
	}

	boolean acknowledge(UUID sessionId, UUID alertId, UUID by, String note, Instant at) {
		return this.jdbc.sql("""
				update dosing.alert set acknowledged_at = ?, acknowledged_by = ?, acknowledgement = ?
				where id = ? and session_id = ? and acknowledged_at is null""")
			.params(ts(at), by, note, alertId, sessionId)
			.update() == 1;
	}

	// --- mapping ------------------------------------------------------------------

	static Vitals vitals(ResultSet rs, int n) throws SQLException {
		return new Vitals(rs.getObject("id", UUID.class), rs.getBoolean("pre_dose"), rs.getInt("systolic"),
				rs.getInt("diastolic"), rs.getInt("heart_rate"), (Integer) rs.getObject("spo2"),
				(Integer) rs.getObject("respiratory_rate"), instant(rs, "at"), instant(rs, "recorded_at"),
				rs.getObject("recorded_by", UUID.class), rs.getBoolean("late"));
	}

	private static Observation observation(ResultSet rs, int n) throws SQLException {
		return new Observation(rs.getObject("id", UUID.class), rs.getString("kind"), (Integer) rs.getObject("moaas"),
				(Integer) rs.getObject("cadss_total"), rs.getString("effect"), rs.getString("severity"),
				rs.getString("drug"), rs.getString("drug_dose"), rs.getString("text"), instant(rs, "at"),
				instant(rs, "recorded_at"), rs.getObject("recorded_by", UUID.class), rs.getBoolean("late"));
	}

	private static Alert alert(ResultSet rs, int n) throws SQLException {
		return new Alert(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("message"),
				instant(rs, "at"), instant(rs, "raised_at"), instant(rs, "acknowledged_at"),
				rs.getObject("acknowledged_by", UUID.class), rs.getString("acknowledgement"));
	}

}
