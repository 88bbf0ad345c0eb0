package org.kapclinic.dosing;

import java.util.List;
import java.util.UUID;

import org.kapclinic.dosing.SessionReads.GivenDose;
import org.kapclinic.shared.ClinicTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What each of a patient's sessions gave (the drug-giving administrations: START,
 * ADDITIONAL, DEVICE), unchecked and unaudited: the dose list and cumulative exposure
 * check access and audit themselves.
 */
@Repository
class GivenDoseRows {

	private final JdbcClient jdbc;

	private final ClinicTime clinicTime;

	GivenDoseRows(JdbcClient jdbc, ClinicTime clinicTime) {
		this.jdbc = jdbc;
		this.clinicTime = clinicTime;
	}

	/** Oldest first. */
	List<GivenDose> of(UUID patientId) {
		return this.jdbc.sql("""
				select s.id, s.protocol_code, s.route, s.first_dose_at, s.weight_kg, sum(a.dose_mg) as total_mg
				from dosing.session s join dosing.administration a on a.session_id = s.id
				where s.patient_id = ? and a.kind in ('START', 'ADDITIONAL', 'DEVICE')
				group by s.id order by s.first_dose_at""")
			.param(patientId)
			.query((rs, n) -> new GivenDose(rs.getObject("id", UUID.class),
					this.clinicTime.date(rs.getTimestamp("first_dose_at").toInstant()), rs.getString("protocol_code"),
					Route.valueOf(rs.getString("route")), rs.getBigDecimal("total_mg"),
					rs.getBigDecimal("total_mg")
						.divide(rs.getBigDecimal("weight_kg"), 3, java.math.RoundingMode.HALF_UP)))
			.list();
	}

}
