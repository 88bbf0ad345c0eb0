package org.kapclinic.intake;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.patient.CareTeamAccess;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The diagnoses recorded at intake. {@link #primary} and {@link #all} are for reports
 * across the practice: no access check and no audit (the caller is an aggregate report,
 * which checks its own role and audits the report). {@link #ofPatient} is for other
 * systems (FHIR Condition): the chart's clinical access rule, audited.
 */
@Service
@Transactional(readOnly = true)
public class RecordedDiagnoses {

	private final JdbcClient jdbc;

	private final CareTeamAccess access;

	private final AuditTrail audit;

	private final DiagnosisCatalog catalog;

	RecordedDiagnoses(JdbcClient jdbc, CareTeamAccess access, AuditTrail audit, DiagnosisCatalog catalog) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.catalog = catalog;
	}

	/**
	 * One ICD-10-CM code on a patient's intake.
	 *
	 * @param title the code's title in the clinic's list (null if it has left the list)
	 * @param position its place in the intake's list (0: the primary diagnosis)
	 * @param submitted whether the intake has been submitted (a draft's diagnoses are
	 * provisional)
	 * @param firstRecordedAt when the first saved revision that lists the code was saved
	 */
	public record RecordedDiagnosis(UUID patientId, String code, String title, int position, boolean submitted,
			Instant firstRecordedAt) {
	}

	/**
	 * The ICD-10-CM codes of the patient's intake in its order, if the signed-in user may
	 * see the patient's clinical content; audited.
	 * @throws org.kapclinic.shared.NotFoundException if the patient is not visible to the
	 * user
	 * @throws org.springframework.security.access.AccessDeniedException if the user's
	 * role may not see clinical content
	 */
	public List<RecordedDiagnosis> ofPatient(UUID patientId) {
		this.access.requireClinical(patientId);
		List<RecordedDiagnosis> found = this.jdbc
			.sql("""
					select d.code, d.position - 1 as position, i.status,
					       (select min(r.saved_at) from intake.intake_revision r
					        where r.patient_id = i.patient_id and r.answers -> 'diagnoses' @> jsonb_build_array(d.code))
					           as first_recorded
					from intake.intake i
					cross join lateral jsonb_array_elements_text(i.answers -> 'diagnoses') with ordinality as d(code, position)
					where i.patient_id = ?
					order by d.position""")
			.param(patientId)
			.query((rs, n) -> new RecordedDiagnosis(patientId, rs.getString("code"),
					this.catalog.find(rs.getString("code")).map(DiagnosisCatalog.Diagnosis::title).orElse(null),
					rs.getInt("position"), "SUBMITTED".equals(rs.getString("status")),
					(rs.getTimestamp("first_recorded") != null) ? rs.getTimestamp("first_recorded").toInstant() : null))
			.list();
		this.audit.record(AuditEvent.of(AuditAction.READ, IntakeService.RESOURCE, patientId)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail("recorded diagnoses results=" + found.size()));
		return found;
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
