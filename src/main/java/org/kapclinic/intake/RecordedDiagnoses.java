package org.kapclinic.intake;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The diagnoses recorded at intake, for reports across the practice. No access check and
 * no audit: the caller is an aggregate report, which checks its own role and audits the
 * report.
 */
@Service
@Transactional(readOnly = true)
public class RecordedDiagnoses {

	private final JdbcClient jdbc;

	RecordedDiagnoses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The primary diagnosis: the first ICD-10-CM code of the patient's intake (the intake
	 * form lists the diagnosis being treated first).
	 */
	public Optional<String> primary(UUID patientId) {
		return this.jdbc.sql("select answers -> 'diagnoses' ->> 0 from intake.intake where patient_id = ?")
			.param(patientId)
			.query(String.class)
			.optional();
	}

	/**
	 * {@link #primary(UUID)} of many patients at once; patients without one are absent.
	 */
	public java.util.Map<UUID, String> primary(java.util.Collection<UUID> patientIds) {
		java.util.Map<UUID, String> primary = new java.util.HashMap<>();
		this.jdbc.sql("""
				select patient_id, answers -> 'diagnoses' ->> 0 as code from intake.intake
				where patient_id = any(?) and answers -> 'diagnoses' ->> 0 is not null""")
			.param(patientIds.toArray(UUID[]::new))
			.query((java.sql.ResultSet rs) -> {
				primary.put(rs.getObject("patient_id", UUID.class), rs.getString("code"));
			});
		return primary;
	}

	/** Every ICD-10-CM code of the patient's intake, in its order. */
	public java.util.List<String> all(UUID patientId) {
		return this.jdbc
			.sql("select jsonb_array_elements_text(answers -> 'diagnoses') from intake.intake where patient_id = ?")
			.param(patientId)
			.query(String.class)
			.list();
	}

}
