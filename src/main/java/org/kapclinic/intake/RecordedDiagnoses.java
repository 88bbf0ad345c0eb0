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

}
