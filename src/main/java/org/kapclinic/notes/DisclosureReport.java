package org.kapclinic.notes;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.identity.UserDirectory;
import org.kapclinic.intake.ReleasesOfInformation;
import org.kapclinic.patient.Patients;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic's accounting of disclosures (ONC 170.315(d)(11); HIPAA 164.528): every
 * summary sent to an outside provider in a period, for whom, what, to whom, by whom and
 * under which release, for administrators. Each patient's own accounting is on their
 * chart ({@link Disclosures#accounting(UUID)}).
 */
@Service
class DisclosureReport {

	private final JdbcClient jdbc;

	private final Patients patients;

	private final UserDirectory users;

	private final AuditTrail audit;

	DisclosureReport(JdbcClient jdbc, Patients patients, UserDirectory users, AuditTrail audit) {
		this.jdbc = jdbc;
		this.patients = patients;
		this.users = users;
		this.audit = audit;
	}

	/**
	 * One disclosure as the report shows it; {@code content} in words.
	 */
	record Line(UUID id, Instant disclosedAt, UUID patientId, String patient, String recipient, List<String> content,
			String disclosedBy, UUID consentId, String pdfSha256, String pdf) {
	}

	/**
	 * Disclosures made from {@code from} (included) to {@code to} (excluded), newest
	 * first.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public List<Line> between(Instant from, Instant to, int limit) {
		record Row(UUID id, Instant at, UUID patientId, String recipient, List<String> content, UUID by, UUID consent,
				String sha) {
		}
		List<Row> rows = this.jdbc
			.sql("""
					select d.id, d.disclosed_at, d.patient_id, p.name || coalesce(' (' || p.practice || ')', '') as recipient,
					       d.content, d.disclosed_by, d.consent_id, d.pdf_sha256
					from notes.disclosure d join notes.outside_provider p on p.id = d.provider_id
					where d.disclosed_at >= ? and d.disclosed_at < ? order by d.disclosed_at desc limit ?""")
			.params(Timestamp.from(from), Timestamp.from(to), limit)
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getTimestamp("disclosed_at").toInstant(),
					rs.getObject("patient_id", UUID.class), rs.getString("recipient"),
					Arrays.asList((String[]) rs.getArray("content").getArray()),
					rs.getObject("disclosed_by", UUID.class), rs.getObject("consent_id", UUID.class),
					rs.getString("pdf_sha256")))
			.list();
		Map<UUID, Patients.PatientName> names = this.patients.names(rows.stream().map(Row::patientId).toList());
		Map<UUID, StaffMember> staff = this.users.findAll(rows.stream().map(Row::by).toList());
		this.audit.record(AuditEvent.of(AuditAction.QUERY, Disclosures.RESOURCE, null)
			.category(DataCategory.CLINICAL)
			.detail("clinic accounting of disclosures " + from + " to " + to + ": " + rows.size()));
		return rows.stream()
			.map((row) -> new Line(row.id(), row.at(), row.patientId(),
					names.containsKey(row.patientId())
							? names.get(row.patientId()).displayName() + " (" + names.get(row.patientId()).mrn() + ")"
							: "a patient record",
					row.recipient(),
					row.content()
						.stream()
						.map((code) -> ReleasesOfInformation.CONTENT_LABELS.getOrDefault(code, code))
						.toList(),
					staff.containsKey(row.by()) ? staff.get(row.by()).displayName() : "a former account", row.consent(),
					row.sha(), Disclosures.pdfLink(row.id())))
			.toList();
	}

}
