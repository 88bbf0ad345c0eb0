package org.kapclinic.patient;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditOutcome;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.Secrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links a patient opens without an account, for one purpose each (the intake, a set of
 * self-report measures): 256 random bits stored as a SHA-256 only, expiring, single use,
 * and closed after repeated wrong dates of birth
 * ({@code kap.patient-links.max-failed-checks}, default 5). The module that owns the
 * purpose checks the staff member's access before issuing one; this class owns only the
 * link mechanics, so they are written and tested once.
 */
@Service
@Transactional
public class PatientLinks {

	/** How audit rows name a patient acting through a link. */
	public static final String PATIENT_ACTOR = "patient via link";

	static final String RESOURCE = "PatientLink";

	private final JdbcClient jdbc;

	private final Patients patients;

	private final AuditTrail audit;

	private final Clock clock;

	private final int maxFailedChecks;

	PatientLinks(JdbcClient jdbc, Patients patients, AuditTrail audit, Clock clock,
			@Value("${kap.patient-links.max-failed-checks:5}") int maxFailedChecks) {
		this.jdbc = jdbc;
		this.patients = patients;
		this.audit = audit;
		this.clock = clock;
		this.maxFailedChecks = maxFailedChecks;
	}

	/**
	 * Issues a link; the token is returned once and never stored.
	 * @param createdBy the staff member, or null when a schedule issued it
	 */
	public IssuedLink issue(UUID patientId, String purpose, Duration validity, UUID createdBy) {
		this.patients.summary(patientId).orElseThrow(() -> new NotFoundException("Patient", patientId));
		String token = Secrets.newToken();
		Instant now = Instant.now(this.clock);
		Instant expiresAt = now.plus(validity);
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("""
					insert into patient.patient_link (id, patient_id, purpose, token_hash, created_at, created_by, expires_at)
					values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, patientId, purpose, Secrets.sha256Hex(token), Timestamp.from(now), createdBy,
					Timestamp.from(expiresAt))
			.update();
		this.audit.record(AuditEvent.of(AuditAction.CREATE, RESOURCE, id)
			.patient(patientId)
			.category(DataCategory.SECURITY)
			.detail(purpose));
		return new IssuedLink(id, token, expiresAt);
	}

	/** The link for this token if it may be used now: unexpired, unused, not locked. */
	@Transactional(readOnly = true)
	public Optional<OpenLink> open(String token, String purpose) {
		if (token == null || token.length() > 100) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				select id, patient_id from patient.patient_link
				where token_hash = ? and purpose = ? and used_at is null and expires_at > ? and failed_attempts < ?""")
			.params(Secrets.sha256Hex(token), purpose, Timestamp.from(Instant.now(this.clock)), this.maxFailedChecks)
			.query((rs, n) -> new OpenLink(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class)))
			.optional();
	}

	/**
	 * A link of this purpose still open, by its id: for a patient who is already signed
	 * in (the patient portal), who needs neither the token nor the date of birth.
	 */
	public Optional<OpenLink> openById(UUID linkId, String purpose) {
		return this.jdbc.sql("""
				select id, patient_id from patient.patient_link
				where id = ? and purpose = ? and used_at is null and expires_at > ?""")
			.params(linkId, purpose, Timestamp.from(Instant.now(this.clock)))
			.query((rs, n) -> new OpenLink(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class)))
			.optional();
	}

	/**
	 * Whether the date of birth is the patient's. Every check takes one of the link's
	 * attempts first, in one atomic update, and a right answer gives it back: 60 guesses
	 * sent at once used to all pass the "fewer than 5 failures" check before any was
	 * counted, so 20 got through (issue 16 finding 6). Committed even though nothing else
	 * is saved.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean confirm(OpenLink link, LocalDate birthDate) {
		boolean attempt = this.jdbc.sql("""
				update patient.patient_link set failed_attempts = failed_attempts + 1
				where id = ? and failed_attempts < ? and used_at is null returning id""")
			.params(link.id(), this.maxFailedChecks)
			.query(UUID.class)
			.optional()
			.isPresent();
		boolean matches = attempt && patient(link).birthDate().equals(birthDate);
		if (matches) {
			this.jdbc.sql("update patient.patient_link set failed_attempts = failed_attempts - 1 where id = ?")
				.param(link.id())
				.update();
		}
		this.audit.record(AuditEvent.of(AuditAction.LOGIN, RESOURCE, link.id())
			.patient(link.patientId())
			.category(DataCategory.SECURITY)
			.outcome(matches ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE)
			.actor(PATIENT_ACTOR)
			.detail(attempt ? null : "link closed after too many wrong dates of birth"));
		return matches;
	}

	/** Closes the link after its purpose is done (single use). */
	public void markUsed(OpenLink link) {
		this.jdbc.sql("update patient.patient_link set used_at = ? where id = ? and used_at is null")
			.params(Timestamp.from(Instant.now(this.clock)), link.id())
			.update();
	}

	@Transactional(readOnly = true)
	public PatientSummary patient(OpenLink link) {
		return this.patients.summary(link.patientId())
			.orElseThrow(() -> new NotFoundException("Patient", link.patientId()));
	}

	/** A new link's token (shown or sent once) and when it stops working. */
	public record IssuedLink(UUID id, String token, Instant expiresAt) {
	}

	/** A link that may be used now. */
	public record OpenLink(UUID id, UUID patientId) {
	}

}
