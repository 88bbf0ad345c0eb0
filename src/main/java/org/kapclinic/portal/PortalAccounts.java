package org.kapclinic.portal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.notification.Outbox;
import org.kapclinic.notification.OutgoingMail;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.patient.PatientLinks;
import org.kapclinic.patient.PatientLinks.OpenLink;
import org.kapclinic.patient.PatientSummary;
import org.kapclinic.patient.Patients;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.CrisisResources;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.PublicUrls;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Portal accounts (issue 21): staff invite a patient, and the invitation is a single-use
 * patient link with the date-of-birth check; the e-mail says no more than that the clinic
 * invites them, with the link. Re-inviting replaces the link and reopens a revoked
 * account; revoking ends the patient's portal sessions at their next request
 * ({@link PortalSessionCheck}).
 */
@Service
@Transactional
public class PortalAccounts {

	static final String INVITE_PURPOSE = "PORTAL_INVITE";

	static final String RESOURCE = "PortalAccount";

	/**
	 * {@code {"email"}}: where to send the invitation (default: the patient's e-mail).
	 */
	public record InviteRequest(String email) {
	}

	/** The invitation sent. */
	public record Invitation(UUID accountId, UUID patientId, String email, Instant expiresAt) {
	}

	private final JdbcClient jdbc;

	private final PatientLinks links;

	private final Patients patients;

	private final CareTeamAccess access;

	private final CurrentUser currentUser;

	private final Outbox outbox;

	private final PublicUrls urls;

	private final PortalSettings settings;

	private final CrisisResources crisis;

	private final ClinicTime clinicTime;

	private final AuditTrail audit;

	private final Clock clock;

	PortalAccounts(JdbcClient jdbc, PatientLinks links, Patients patients, CareTeamAccess access,
			CurrentUser currentUser, Outbox outbox, PublicUrls urls, PortalSettings settings, CrisisResources crisis,
			ClinicTime clinicTime, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.links = links;
		this.patients = patients;
		this.access = access;
		this.currentUser = currentUser;
		this.outbox = outbox;
		this.urls = urls;
		this.settings = settings;
		this.crisis = crisis;
		this.clinicTime = clinicTime;
		this.audit = audit;
		this.clock = clock;
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'FRONT_DESK', 'PRESCRIBER', 'NURSE', 'THERAPIST')")
	public Invitation invite(UUID patientId, InviteRequest request) {
		StaffMember user = this.currentUser.require();
		PatientSummary patient = this.patients.summary(patientId)
			.filter((p) -> this.access.canSee(user, patientId))
			.orElseThrow(() -> new NotFoundException("Patient", patientId));
		String email = ((request != null && request.email() != null && !request.email().isBlank()) ? request.email()
				: this.patients.email(patientId).orElse(""))
			.strip()
			.toLowerCase(Locale.ROOT);
		List<FieldProblem> problems = new ArrayList<>();
		if (!OutgoingMail.isAddress(email)) {
			problems.add(new FieldProblem("email", "the patient's e-mail address (none is on file)"));
		}
		else if (this.jdbc.sql("""
				select count(*) from portal.account where email = ? and status <> 'REVOKED' and patient_id <> ?""")
			.params(email, patientId)
			.query(Long.class)
			.single() > 0) {
			problems.add(new FieldProblem("email", "another patient's portal account uses this address"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = Instant.now(this.clock);
		UUID id = this.jdbc.sql("""
				insert into portal.account (id, patient_id, email, status, invited_at, invited_by)
				values (?, ?, ?, 'INVITED', ?, ?)
				on conflict (patient_id) do update set email = excluded.email, invited_at = excluded.invited_at,
				    invited_by = excluded.invited_by,
				    status = case when portal.account.status = 'ACTIVE' then 'ACTIVE' else 'INVITED' end,
				    revoked_at = null, revoked_by = null, revoke_reason = null
				returning id""")
			.params(UUID.randomUUID(), patientId, email, Timestamp.from(now), user.id())
			.query(UUID.class)
			.single();
		PatientLinks.IssuedLink link = this.links.issue(patientId, INVITE_PURPOSE, this.settings.inviteValidity(),
				user.id());
		this.outbox.enqueue(mail(link.id(), patient, email, this.urls.of("/portal/invite/{token}", link.token()),
				link.expiresAt()));
		this.audit.record(AuditEvent.of(AuditAction.CREATE, RESOURCE, id.toString())
			.patient(patientId)
			.category(DataCategory.ADMINISTRATION)
			.detail("portal invitation e-mailed"));
		return new Invitation(id, patientId, email, link.expiresAt());
	}

	/** {@code {"reason"}}: why the patient's portal access ends. */
	public record RevokeRequest(String reason) {
	}

	/**
	 * Ends the patient's portal access: the account can no longer sign in, and a session
	 * already open ends at its next request. Invite again to restore it.
	 */
	@PreAuthorize("hasAnyRole('ADMIN', 'FRONT_DESK', 'PRESCRIBER', 'NURSE', 'THERAPIST')")
	public PortalAccount revoke(UUID patientId, RevokeRequest request) {
		StaffMember user = this.currentUser.require();
		if (!this.access.canSee(user, patientId)) {
			throw new NotFoundException("Patient", patientId);
		}
		String reason = (request == null || request.reason() == null) ? "" : request.reason().strip();
		if (reason.isEmpty() || reason.length() > 500) {
			throw InvalidInputException.of("reason", "why the portal access ends, 1–500 characters");
		}
		int revoked = this.jdbc.sql("""
				update portal.account set status = 'REVOKED', revoked_at = ?, revoked_by = ?, revoke_reason = ?
				where patient_id = ? and status <> 'REVOKED'""")
			.params(Timestamp.from(Instant.now(this.clock)), user.id(), reason, patientId)
			.update();
		if (revoked == 0) {
			throw new NotFoundException(RESOURCE, patientId);
		}
		PortalAccount account = forPatient(patientId).orElseThrow();
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, RESOURCE, account.id().toString())
			.patient(patientId)
			.category(DataCategory.ADMINISTRATION)
			.detail("portal access revoked: " + reason));
		return account;
	}

	/** The patient's portal account, if they were ever invited (for staff). */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('ADMIN', 'FRONT_DESK', 'PRESCRIBER', 'NURSE', 'THERAPIST')")
	public Optional<PortalAccount> forPatient(UUID patientId) {
		return this.jdbc.sql("select * from portal.account where patient_id = ?")
			.param(patientId)
			.query(PortalAccount::of)
			.optional();
	}

	/** Where a patient with an active account gets the portal's notices. */
	@Transactional(readOnly = true)
	Optional<String> activeEmail(UUID patientId) {
		return this.jdbc.sql("select email from portal.account where patient_id = ? and status = 'ACTIVE'")
			.param(patientId)
			.query(String.class)
			.optional();
	}

	/** An open invitation link, or empty (expired, used, locked, unknown alike). */
	@Transactional(readOnly = true)
	public Optional<OpenLink> openInvite(String token) {
		return this.links.open(token, INVITE_PURPOSE);
	}

	public boolean confirmBirthDate(OpenLink link, java.time.LocalDate birthDate) {
		return this.links.confirm(link, birthDate);
	}

	/** The account an invitation is for, with its e-mail address. */
	@Transactional(readOnly = true)
	public PortalAccount accountOf(OpenLink link) {
		return this.jdbc.sql("select * from portal.account where patient_id = ?")
			.param(link.patientId())
			.query(PortalAccount::of)
			.optional()
			.orElseThrow(() -> new NotFoundException(RESOURCE, link.patientId()));
	}

	/** Sets the password and the authenticator key; the invitation link is then used. */
	void activate(OpenLink link, String passwordHash, byte[] sealedSecret, long step) {
		Instant now = Instant.now(this.clock);
		this.jdbc.sql("""
				update portal.account set status = 'ACTIVE', password_hash = ?, totp_secret = ?, totp_last_step = ?,
				    activated_at = ?, failed_attempts = 0, locked_until = null
				where patient_id = ? and status <> 'REVOKED'""")
			.params(passwordHash, sealedSecret, step, Timestamp.from(now), link.patientId())
			.update();
		this.links.markUsed(link);
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, RESOURCE, accountOf(link).id().toString())
			.patient(link.patientId())
			.category(DataCategory.ADMINISTRATION)
			.detail("portal account set up"));
	}

	/**
	 * The e-mail says who invites and where to go, nothing clinical: an inbox may be read
	 * by others.
	 */
	private OutgoingMail mail(UUID linkId, PatientSummary patient, String email, String url, Instant expiresAt) {
		ZoneId zone = this.clinicTime.timeZone();
		String expires = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm").format(expiresAt.atZone(zone));
		String text = """
				Hello %s,

				Your care team invites you to the clinic's patient portal, where you can see your appointments, \
				prepare for your sessions and fill in your questionnaires:

				%s

				You will be asked for your date of birth, then to choose a password and to set up an \
				authenticator app. The link works once and until %s.

				The portal is not for emergencies. If you are thinking about harming yourself or are in crisis: %s. \
				In an emergency call %s.
				""".formatted(patient.displayName(), url, expires, this.crisis.crisisLine(),
				this.crisis.emergencyNumber());
		return new OutgoingMail("portal-invite:" + linkId, email, "Your invitation to the patient portal", text, null,
				List.of());
	}

}
