package org.kapclinic.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditOutcome;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.patient.PatientSummary;
import org.kapclinic.patient.Patients;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.Secrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Links that let a patient fill in their own intake without an account: random, stored as
 * a SHA-256 only, expiring (7 days by default), closed after the intake is submitted, and
 * closed after repeated wrong dates of birth. Staff hand the link to the patient.
 */
@Service
@Transactional
public class IntakeLinks {

	private static final String RESOURCE = "IntakeLink";

	private final JdbcClient jdbc;

	private final CareTeamAccess access;

	private final Patients patients;

	private final IntakeService intakes;

	private final AuditTrail audit;

	private final IntakeSettings settings;

	private final Clock clock;

	IntakeLinks(JdbcClient jdbc, CareTeamAccess access, Patients patients, IntakeService intakes, AuditTrail audit,
			IntakeSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.patients = patients;
		this.intakes = intakes;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	/** Creates a link for the patient; the token is returned once and never stored. */
	public IssuedLink create(UUID patientId) {
		StaffMember user = this.access.requireClinical(patientId);
		this.patients.summary(patientId).orElseThrow(() -> new NotFoundException("Patient", patientId));
		String token = Secrets.newToken();
		Instant now = Instant.now(this.clock);
		Instant expiresAt = now.plus(this.settings.linkValidity());
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into intake.intake_link (id, patient_id, token_hash, created_at, created_by, expires_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(id, patientId, hash(token), Timestamp.from(now), user.id(), Timestamp.from(expiresAt))
			.update();
		this.audit
			.record(AuditEvent.of(AuditAction.CREATE, RESOURCE, id).patient(patientId).category(DataCategory.SECURITY));
		return new IssuedLink(token, expiresAt);
	}

	/**
	 * The open link for this token: unexpired, unused, not locked by wrong dates of
	 * birth.
	 */
	@Transactional(readOnly = true)
	public Optional<OpenLink> open(String token) {
		return this.jdbc.sql("""
				select id, patient_id from intake.intake_link
				where token_hash = ? and used_at is null and expires_at > ? and failed_attempts < ?""")
			.params(hash(token), Timestamp.from(Instant.now(this.clock)), this.settings.linkMaxFailedChecks())
			.query((rs, n) -> new OpenLink(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class)))
			.optional();
	}

	/**
	 * Whether the date of birth is the patient's. A wrong one counts toward closing the
	 * link, committed even though nothing else is saved.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean confirm(OpenLink link, LocalDate birthDate) {
		PatientSummary patient = this.patients.summary(link.patientId())
			.orElseThrow(() -> new NotFoundException("Patient", link.patientId()));
		boolean matches = patient.birthDate().equals(birthDate);
		if (!matches) {
			this.jdbc.sql("update intake.intake_link set failed_attempts = failed_attempts + 1 where id = ?")
				.param(link.id())
				.update();
		}
		this.audit.record(AuditEvent.of(AuditAction.LOGIN, RESOURCE, link.id())
			.patient(link.patientId())
			.category(DataCategory.SECURITY)
			.outcome(matches ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE)
			.actor("patient via intake link"));
		return matches;
	}

	/** The patient's current answers, to continue a draft. */
	@Transactional(readOnly = true)
	public Optional<IntakeView> current(OpenLink link) {
		Optional<IntakeView> intake = this.intakes.current(link.patientId());
		this.audit.record(AuditEvent.of(AuditAction.READ, IntakeService.RESOURCE, link.patientId())
			.patient(link.patientId())
			.category(DataCategory.CLINICAL)
			.actor("patient via intake link"));
		return intake;
	}

	/** Saves the patient's answers; submitting closes the link (single use). */
	public IntakeView save(OpenLink link, IntakeAnswers answers, boolean submit) {
		IntakeView saved = this.intakes.saveFromPatient(link.patientId(), answers, submit);
		if (submit) {
			this.jdbc.sql("update intake.intake_link set used_at = ? where id = ?")
				.params(Timestamp.from(Instant.now(this.clock)), link.id())
				.update();
		}
		return saved;
	}

	public PatientSummary patient(OpenLink link) {
		return this.patients.summary(link.patientId())
			.orElseThrow(() -> new NotFoundException("Patient", link.patientId()));
	}

	private static String hash(String token) {
		return Secrets.sha256Hex(token);
	}

	/** A new link's token (shown once) and when it stops working. */
	public record IssuedLink(String token, Instant expiresAt) {

		/** The link the patient opens, on the address of the request that created it. */
		public String url() {
			return ServletUriComponentsBuilder.fromCurrentContextPath()
				.path("/intake/{token}")
				.buildAndExpand(this.token)
				.toUriString();
		}

	}

	/** A link that may be used now. */
	public record OpenLink(UUID id, UUID patientId) {
	}

}
