package org.kapclinic.notes;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patient's own disclosures, as the portal shows them (issue 21;
 * {@link Disclosures}).
 */
@Service
class OwnDisclosures {

	private static final String RESOURCE = Disclosures.RESOURCE;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	OwnDisclosures(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** One disclosure as the patient reads it in the portal. */
	record Own(UUID id, String to, String what, java.time.Instant when) {
	}

	/**
	 * The patient's own accounting of disclosures in the portal (issue 21; their right
	 * under 45 CFR 164.528): to whom, what and when, newest first. The patient (or a
	 * guardian where the clinic's policy allows: summaries may carry integration themes).
	 */
	// Read-write on purpose: the audit row goes into this transaction. Read-only, it
	// would
	// wait for the audit writer while holding a pooled connection (SelfReports.current).
	@Transactional
	@org.springframework.security.access.prepost.PreAuthorize("@selfAccess.seesPrivate(#patientId)")
	public List<Own> own(UUID patientId) {
		this.audit.record(AuditEvent.of(AuditAction.READ, RESOURCE, null)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail("own accounting of disclosures, portal"));
		return this.jdbc.sql("""
				select d.id, p.name, d.content, d.disclosed_at
				from notes.disclosure d join notes.outside_provider p on p.id = d.provider_id
				where d.patient_id = ? order by d.disclosed_at desc""")
			.param(patientId)
			.query((rs, n) -> new Own(rs.getObject(1, UUID.class), rs.getString(2), String
				.join(", ", Arrays.stream((String[]) rs.getArray(3).getArray())
					.map((code) -> org.kapclinic.intake.ReleasesOfInformation.CONTENT_LABELS.getOrDefault(code, code))
					.toList()), rs.getTimestamp(4).toInstant()))
			.list();
	}

	/** The exact PDF sent, for the patient it is about; another's is not found. */
	// Read-write on purpose: the audit row goes into this transaction. Read-only, it
	// would
	// wait for the audit writer while holding a pooled connection (SelfReports.current).
	@Transactional
	@org.springframework.security.access.prepost.PreAuthorize("@selfAccess.seesPrivate(#patientId)")
	public byte[] ownPdf(UUID patientId, UUID disclosureId) {
		byte[] pdf = this.jdbc.sql("select pdf from notes.disclosure where id = ? and patient_id = ?")
			.params(disclosureId, patientId)
			.query(byte[].class)
			.optional()
			.orElseThrow(() -> new NotFoundException(RESOURCE, disclosureId));
		this.audit.record(AuditEvent.of(AuditAction.READ, RESOURCE, disclosureId)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail("own disclosure pdf, portal"));
		return pdf;
	}

}
