package org.kapclinic.patient;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Weight and height history rows; voided with a reason, never deleted. */
@Component
class BodyMeasurements {

	private static final String COLUMNS = "id, weight_kg, height_cm, measured_at, recorded_at, recorded_by, voided_at, void_reason";

	private final JdbcClient jdbc;

	BodyMeasurements(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	BodyMeasurement add(UUID patientId, BigDecimal weightKg, BigDecimal heightCm, Instant measuredAt, UUID by,
			Instant now) {
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("""
					insert into patient.body_measurement (id, patient_id, weight_kg, height_cm, measured_at, recorded_at, recorded_by)
					values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, patientId, weightKg, heightCm, Timestamp.from(measuredAt), Timestamp.from(now), by)
			.update();
		return new BodyMeasurement(id, weightKg, heightCm, measuredAt, now, by, null, null);
	}

	/** All measurements of a patient, newest first, voided ones included (marked). */
	List<BodyMeasurement> history(UUID patientId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from patient.body_measurement where patient_id = ? order by measured_at desc")
			.param(patientId)
			.query((rs, n) -> map(rs))
			.list();
	}

	/** The patient a measurement belongs to, with the measurement (voided ones too). */
	java.util.Optional<java.util.Map.Entry<UUID, BodyMeasurement>> find(UUID measurementId) {
		return this.jdbc.sql("select patient_id, " + COLUMNS + " from patient.body_measurement where id = ?")
			.param(measurementId)
			.query((rs, n) -> java.util.Map.entry(rs.getObject("patient_id", UUID.class), map(rs)))
			.optional();
	}

	LatestBody latest(UUID patientId) {
		return this.jdbc.sql("""
				select w.weight_kg, w.measured_at as weight_at, h.height_cm, h.measured_at as height_at
				from (select 1) one
				left join lateral (select weight_kg, measured_at from patient.body_measurement
				                   where patient_id = :id and voided_at is null and weight_kg is not null
				                   order by measured_at desc limit 1) w on true
				left join lateral (select height_cm, measured_at from patient.body_measurement
				                   where patient_id = :id and voided_at is null and height_cm is not null
				                   order by measured_at desc limit 1) h on true""")
			.param("id", patientId)
			.query((rs, n) -> new LatestBody(rs.getBigDecimal("weight_kg"), instant(rs, "weight_at"),
					rs.getBigDecimal("height_cm"), instant(rs, "height_at")))
			.single();
	}

	/**
	 * Voids a measurement entered in error; false if there is no live one with that id.
	 */
	boolean voidMeasurement(UUID patientId, UUID measurementId, String reason, UUID by, Instant now) {
		return this.jdbc.sql("""
				update patient.body_measurement set voided_at = ?, voided_by = ?, void_reason = ?
				where id = ? and patient_id = ? and voided_at is null""")
			.params(Timestamp.from(now), by, reason, measurementId, patientId)
			.update() == 1;
	}

	private static BodyMeasurement map(ResultSet rs) throws SQLException {
		return new BodyMeasurement(rs.getObject("id", UUID.class), rs.getBigDecimal("weight_kg"),
				rs.getBigDecimal("height_cm"), instant(rs, "measured_at"), instant(rs, "recorded_at"),
				rs.getObject("recorded_by", UUID.class), instant(rs, "voided_at"), rs.getString("void_reason"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
