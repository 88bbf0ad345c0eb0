package org.kapclinic.patient;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.identity.StepUp;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Break-glass (issue 16 finding 2; HIPAA 164.312(a)(2)(ii) emergency access procedure): a
 * nurse or therapist outside a patient's care team opens the chart in an emergency, with
 * a reason of at least 20 characters and a fresh second factor, for
 * {@code kap.security.break-glass-duration}. It is audited as its own action, every page
 * of the chart says so, and an urgent task asks the clinic's administrators and the
 * patient's prescriber to review it ({@link BreakGlassUsed}).
 *
 * <p>
 * While it lasts the clinician sees the chart as a care-team member does (the care team's
 * rules apply to what they may record); lists and worklists still show only their own
 * care teams.
 */
@Service
public class BreakGlass {

	static final int MIN_REASON = 20;

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final StepUp stepUp;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final BreakGlassSettings settings;

	private final Clock clock;

	private final PatientAccessPolicy policy;

	BreakGlass(JdbcClient jdbc, CurrentUser currentUser, StepUp stepUp, AuditTrail audit,
			ApplicationEventPublisher events, BreakGlassSettings settings, Clock clock, PatientAccessPolicy policy) {
		this.policy = policy;
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.stepUp = stepUp;
		this.audit = audit;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
	}

	/** One grant and its review. */
	public record Grant(UUID id, UUID patientId, UUID userId, String reason, Instant grantedAt, Instant expiresAt,
			Instant reviewedAt, UUID reviewedBy, BreakGlassOutcome outcome, String reviewNote) {
	}

	@Transactional
	public Grant open(UUID patientId, String reason) {
		StaffMember user = this.currentUser.require();
		if (!(user.has(Role.NURSE) || user.has(Role.THERAPIST) || user.has(Role.PRESCRIBER))) {
			throw new AccessDeniedException("Break-glass is for clinicians (nurse, therapist, prescriber)");
		}
		String why = (reason == null) ? "" : reason.strip();
		if (why.length() < MIN_REASON || why.length() > 2000) {
			throw InvalidInputException.of("reason", "say why, in at least " + MIN_REASON
					+ " characters (for example what the emergency is and who asked you)");
		}
		if (!this.jdbc.sql("select exists (select 1 from patient.patient where id = ?)")
			.param(patientId)
			.query(Boolean.class)
			.single()) {
			throw new NotFoundException("Patient", patientId);
		}
		if (user.has(Role.PRESCRIBER) || this.policy.onCareTeam(user.id(), patientId)) {
			throw new ConflictException("You already have access to this chart; break-glass is not needed.", "Patient",
					patientId);
		}
		this.stepUp.require("open a chart outside your care team");
		Instant now = Instant.now(this.clock);
		Grant grant = new Grant(UUID.randomUUID(), patientId, user.id(), why, now,
				now.plus(this.settings.breakGlassDuration()), null, null, null, null);
		this.jdbc.sql("""
				insert into patient.break_glass (id, patient_id, user_id, reason, granted_at, expires_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(grant.id(), patientId, user.id(), why, Timestamp.from(now), Timestamp.from(grant.expiresAt()))
			.update();
		this.audit.record(AuditEvent.of(AuditAction.BREAK_GLASS, "Patient", patientId)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail("until " + grant.expiresAt() + ": " + why));
		this.events.publishEvent(
				new BreakGlassUsed(grant.id(), patientId, user.id(), user.username(), why, grant.expiresAt()));
		return grant;
	}

	/** The user's grant for this patient that is still running, if any. */
	public Optional<Grant> active(UUID userId, UUID patientId) {
		return this.jdbc
			.sql(SELECT + " where user_id = ? and patient_id = ? and expires_at > ? order by expires_at desc limit 1")
			.params(userId, patientId, Timestamp.from(Instant.now(this.clock)))
			.query((rs, n) -> map(rs))
			.optional();
	}

	/** Break-glass by a chart's MRN, as the emergency-access page asks for it. */
	@Transactional
	public Grant openByMrn(String mrn, String reason) {
		UUID patientId = this.jdbc.sql("select id from patient.patient where mrn = ?")
			.param((mrn == null) ? "" : mrn.strip().toUpperCase(java.util.Locale.ROOT))
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> InvalidInputException.of("mrn",
					"no patient has this MRN: check it on the patient's wristband, letter or appointment card"));
		return open(patientId, reason);
	}

	/** Every grant, newest first (administrators and prescribers: the review report). */
	@Transactional(readOnly = true)
	public List<Grant> report(int limit) {
		StaffMember user = this.currentUser.require();
		if (!(user.has(Role.ADMIN) || user.has(Role.PRESCRIBER))) {
			throw new AccessDeniedException("Administrators and prescribers review break-glass");
		}
		List<Grant> grants = this.jdbc.sql(SELECT + " order by granted_at desc limit ?")
			.param(limit)
			.query((rs, n) -> map(rs))
			.list();
		this.audit.record(AuditEvent.of(AuditAction.QUERY, "BreakGlass", null)
			.category(DataCategory.SECURITY)
			.detail(grants.size() + " break-glass grants listed"));
		return grants;
	}

	/** An administrator or the patient's prescriber records what the review found. */
	@Transactional
	public Grant review(UUID grantId, BreakGlassOutcome outcome, String note) {
		Grant grant = find(grantId);
		StaffMember reviewer = requireReviewer(grant.patientId());
		if (outcome == null) {
			throw InvalidInputException.of("outcome", "APPROPRIATE or NOT_APPROPRIATE");
		}
		if (reviewer.id().equals(grant.userId())) {
			throw new ConflictException("Someone else reviews your own break-glass.", "BreakGlass", grantId);
		}
		int updated = this.jdbc.sql("""
				update patient.break_glass set reviewed_at = ?, reviewed_by = ?, review_outcome = ?, review_note = ?
				where id = ? and reviewed_at is null""")
			.params(Timestamp.from(Instant.now(this.clock)), reviewer.id(), outcome.name(),
					(note == null || note.isBlank()) ? null : note.strip(), grantId)
			.update();
		if (updated == 0) {
			throw new ConflictException("This break-glass has been reviewed already.", "BreakGlass", grantId);
		}
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "BreakGlass", grantId)
			.patient(grant.patientId())
			.category(DataCategory.SECURITY)
			.detail("reviewed: " + outcome.name()));
		this.events.publishEvent(new BreakGlassReviewed(grantId, reviewer.id()));
		return find(grantId);
	}

	/** The review closed the grant's task. */
	public record BreakGlassReviewed(UUID grantId, UUID reviewerId) {
	}

	private StaffMember requireReviewer(UUID patientId) {
		StaffMember user = this.currentUser.require();
		if (user.has(Role.ADMIN) || user.has(Role.PRESCRIBER)) {
			return user;
		}
		throw new AccessDeniedException("Administrators and prescribers review break-glass");
	}

	private Grant find(UUID id) {
		return this.jdbc.sql(SELECT + " where id = ?")
			.param(id)
			.query((rs, n) -> map(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("BreakGlass", id));
	}

	private static final String SELECT = """
			select id, patient_id, user_id, reason, granted_at, expires_at, reviewed_at, reviewed_by, review_outcome,
			       review_note
			from patient.break_glass""";

	private static Grant map(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Grant(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
				rs.getObject("user_id", UUID.class), rs.getString("reason"), rs.getTimestamp("granted_at").toInstant(),
				rs.getTimestamp("expires_at").toInstant(),
				(rs.getTimestamp("reviewed_at") != null) ? rs.getTimestamp("reviewed_at").toInstant() : null,
				rs.getObject("reviewed_by", UUID.class), (rs.getString("review_outcome") != null)
						? BreakGlassOutcome.valueOf(rs.getString("review_outcome")) : null,
				rs.getString("review_note"));
	}

}
