package org.kapclinic.portal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.kapclinic.patient.Guardian;
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

	/**
	 * Invites the patient, or a minor's guardian on file as their proxy ({@link Invitee}
	 * says who and where); one live account per address.
	 */
	@PreAuthorize("hasAnyRole('ADMIN', 'FRONT_DESK', 'PRESCRIBER', 'NURSE', 'THERAPIST')")
	public Invitation invite(UUID patientId, InviteRequest request) {
		StaffMember user = this.currentUser.require();
		PatientSummary patient = this.patients.summary(patientId)
			.filter((p) -> this.access.canSee(user, patientId))
			.orElseThrow(() -> new NotFoundException("Patient", patientId));
		Invitee invitee = Invitee.of(patient, this.patients.guardians(patientId),
				this.patients.email(patientId).orElse(""), request);
		PortalAccountHolder holder = invitee.holder();
		Guardian guardian = invitee.guardian();
		String email = invitee.email();
		List<FieldProblem> problems = new ArrayList<>(invitee.problems());
		if (problems.isEmpty() && !OutgoingMail.isAddress(email)) {
			problems.add(new FieldProblem("email", "the patient's e-mail address (none is on file)"));
		}
		else if (problems.isEmpty() && this.jdbc.sql("""
				select count(*) from portal.account where email = ? and status <> 'REVOKED'
				and not (patient_id = ? and holder = ? and (holder = 'PATIENT' or email = ?))""")
			.params(email, patientId, holder.name(), email)
			.query(Long.class)
			.single() > 0) {
			problems.add(new FieldProblem("email", "another portal account uses this address"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = Instant.now(this.clock);
		PatientLinks.IssuedLink link = this.links.issue(patientId, INVITE_PURPOSE, this.settings.inviteValidity(),
				user.id());
		String conflict = (holder == PortalAccountHolder.PATIENT) ? "(patient_id) where holder = 'PATIENT'"
				: "(patient_id, email) where holder = 'GUARDIAN'";
		UUID id = this.jdbc.sql("""
				insert into portal.account (id, patient_id, email, status, invited_at, invited_by, holder,
				    guardian_name, guardian_relationship, invite_link_id)
				values (?, ?, ?, 'INVITED', ?, ?, ?, ?, ?, ?)
				on conflict %s do update set email = excluded.email, invited_at = excluded.invited_at,
				    invited_by = excluded.invited_by, invite_link_id = excluded.invite_link_id,
				    guardian_name = excluded.guardian_name, guardian_relationship = excluded.guardian_relationship,
				    status = case when portal.account.status = 'ACTIVE' then 'ACTIVE' else 'INVITED' end,
				    revoked_at = null, revoked_by = null, revoke_reason = null
				returning id""".formatted(conflict))
			.params(UUID.randomUUID(), patientId, email, Timestamp.from(now), user.id(), holder.name(),
					(guardian != null) ? guardian.name() : null, (guardian != null) ? guardian.relationship() : null,
					link.id())
			.query(UUID.class)
			.single();
		String greeting = (guardian != null) ? guardian.name() : patient.displayName();
		this.outbox.enqueue(InviteMail.of(link.id(), greeting, guardian != null, email,
				this.urls.of("/portal/invite/{token}", link.token()), link.expiresAt(), this.clinicTime.timeZone(),
				this.crisis));
		this.audit.record(AuditEvent.of(AuditAction.CREATE, RESOURCE, id.toString())
			.patient(patientId)
			.category(DataCategory.ADMINISTRATION)
			.detail((guardian != null) ? "portal proxy invitation e-mailed to the guardian " + guardian.name()
					: "portal invitation e-mailed"));
		return new Invitation(id, patientId, email, link.expiresAt(), holder);
	}

	/**
	 * Ends portal access: the account (or all of the patient's) can no longer sign in,
	 * and a session already open ends at its next request. Invite again to restore it.
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
		UUID only = (request == null) ? null : request.accountId();
		List<UUID> revoked = this.jdbc.sql("""
				update portal.account set status = 'REVOKED', revoked_at = ?, revoked_by = ?, revoke_reason = ?
				where patient_id = ? and status <> 'REVOKED' and (cast(? as uuid) is null or id = ?) returning id""")
			.params(Timestamp.from(Instant.now(this.clock)), user.id(), reason, patientId, only, only)
			.query(UUID.class)
			.list();
		if (revoked.isEmpty()) {
			throw new NotFoundException(RESOURCE, (only != null) ? only : patientId);
		}
		for (UUID id : revoked) {
			this.audit.record(AuditEvent.of(AuditAction.UPDATE, RESOURCE, id.toString())
				.patient(patientId)
				.category(DataCategory.ADMINISTRATION)
				.detail("portal access revoked: " + reason));
		}
		List<PortalAccount> all = all(patientId);
		return all.stream()
			.filter((a) -> (only != null) ? a.id().equals(only) : a.holder() == PortalAccountHolder.PATIENT)
			.findFirst()
			.orElse(all.stream().filter((a) -> revoked.contains(a.id())).findFirst().orElseThrow());
	}

	/**
	 * Every portal account for the patient: their own first, then guardians' (for staff).
	 */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('ADMIN', 'FRONT_DESK', 'PRESCRIBER', 'NURSE', 'THERAPIST')")
	public List<PortalAccount> all(UUID patientId) {
		return this.jdbc.sql("select * from portal.account where patient_id = ? order by holder desc, invited_at")
			.param(patientId)
			.query(PortalAccount::of)
			.list();
	}

	/**
	 * Where the holder of a conversation gets the portal's notices, if their account is
	 * active: the patient's own ({@code guardianAccountId} null) or a guardian's.
	 */
	@Transactional(readOnly = true)
	Optional<String> activeEmail(UUID patientId, UUID guardianAccountId) {
		return this.jdbc.sql("""
				select email from portal.account where patient_id = ? and status = 'ACTIVE'
				and (case when cast(? as uuid) is null then holder = 'PATIENT' else id = ? end)""")
			.params(patientId, guardianAccountId, guardianAccountId)
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

	/**
	 * The account an invitation is for: the one issued with that link (accounts invited
	 * before guardians had accounts name no link: the patient's own).
	 */
	@Transactional(readOnly = true)
	public PortalAccount accountOf(OpenLink link) {
		return this.jdbc.sql("""
				select * from portal.account where invite_link_id = ?
				   or (patient_id = ? and holder = 'PATIENT' and invite_link_id is null)
				order by invite_link_id nulls last limit 1""")
			.params(link.id(), link.patientId())
			.query(PortalAccount::of)
			.optional()
			.orElseThrow(() -> new NotFoundException(RESOURCE, link.patientId()));
	}

	/**
	 * Sets the password and the authenticator key (none when the patient made a passkey
	 * instead); the invitation link is then used.
	 */
	void activate(OpenLink link, String passwordHash, byte[] sealedSecret, long step) {
		Instant now = Instant.now(this.clock);
		this.jdbc.sql("""
				update portal.account set status = 'ACTIVE', password_hash = ?, totp_secret = ?, totp_last_step = ?,
				    activated_at = ?, failed_attempts = 0, locked_until = null
				where id = ? and status <> 'REVOKED'""")
			.params(passwordHash, sealedSecret, step, Timestamp.from(now), accountOf(link).id())
			.update();
		this.links.markUsed(link);
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, RESOURCE, accountOf(link).id().toString())
			.patient(link.patientId())
			.category(DataCategory.ADMINISTRATION)
			.detail("portal account set up"));
	}

}
