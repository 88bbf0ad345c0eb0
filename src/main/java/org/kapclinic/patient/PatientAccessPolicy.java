package org.kapclinic.patient;

import java.util.List;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditOutcome;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see and change which patient. Enforced here, in the service layer, for the API
 * and the UI alike:
 * <ul>
 * <li>ADMIN and PRESCRIBER see every patient, clinical content included;</li>
 * <li>NURSE and THERAPIST see only patients whose care team includes them;</li>
 * <li>FRONT_DESK sees demographics (for registration and scheduling), never clinical
 * content.</li>
 * </ul>
 * A patient the user may not see answers "not found", so ids cannot be probed; an action
 * the user's role does not allow on a visible patient answers "forbidden". Every refusal
 * is audited.
 */
@Component
class PatientAccessPolicy {

	static final String RESOURCE = "Patient";

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	PatientAccessPolicy(JdbcClient jdbc, CurrentUser currentUser, AuditTrail audit) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.audit = audit;
	}

	/** The signed-in user, if they may see this patient at all; otherwise not found. */
	StaffMember requireVisible(UUID patientId) {
		StaffMember user = this.currentUser.require();
		if (!canSee(user, patientId)) {
			throw notVisible(patientId);
		}
		return user;
	}

	/**
	 * Same rule as {@link #requireVisible(UUID)} for a patient already read with its care
	 * team.
	 */
	StaffMember requireVisible(UUID patientId, List<UUID> careTeam) {
		StaffMember user = this.currentUser.require();
		if (!canSee(user, careTeam) && !brokeGlass(user, patientId)) {
			throw notVisible(patientId);
		}
		return user;
	}

	/** The signed-in user, if they may see this patient's clinical content. */
	StaffMember requireClinical(UUID patientId) {
		StaffMember user = requireVisible(patientId);
		if (!seesClinical(user, patientId)) {
			deny(patientId, AuditAction.READ, "role may not see clinical content");
			throw new AccessDeniedException("Your role may not see clinical content");
		}
		return user;
	}

	/** Only prescribers and administrators decide who is on a care team. */
	StaffMember requireCareTeamManager(UUID patientId) {
		StaffMember user = requireVisible(patientId);
		if (!(user.has(Role.ADMIN) || user.has(Role.PRESCRIBER))) {
			deny(patientId, AuditAction.UPDATE, "role may not change care teams");
			throw new AccessDeniedException("Only prescribers and administrators change care teams");
		}
		return user;
	}

	/** Weight and height: prescribers, and nurses on the care team. */
	StaffMember requireMeasurementRecorder(UUID patientId) {
		StaffMember user = requireVisible(patientId);
		boolean allowed = user.has(Role.PRESCRIBER) || (user.has(Role.NURSE) && onCareTeam(user.id(), patientId));
		if (!allowed) {
			deny(patientId, AuditAction.CREATE, "role may not record measurements");
			throw new AccessDeniedException("Only prescribers and care-team nurses record measurements");
		}
		return user;
	}

	boolean canSee(StaffMember user, UUID patientId) {
		return seesEveryPatient(user) || (isCareTeamRole(user) && onCareTeam(user.id(), patientId))
				|| brokeGlass(user, patientId);
	}

	static boolean canSee(StaffMember user, List<UUID> careTeam) {
		return seesEveryPatient(user) || (isCareTeamRole(user) && careTeam.contains(user.id()));
	}

	boolean seesClinical(StaffMember user, UUID patientId) {
		return seesAllClinical(user) || (isCareTeamRole(user) && onCareTeam(user.id(), patientId))
				|| brokeGlass(user, patientId);
	}

	/**
	 * As {@link #seesClinical(StaffMember, UUID)}, for a patient read with its care team.
	 */
	boolean seesClinical(StaffMember user, UUID patientId, List<UUID> careTeam) {
		return seesClinical(user, careTeam) || brokeGlass(user, patientId);
	}

	/**
	 * A clinician outside the care team with a running break-glass grant sees the chart
	 * as the care team does ({@link BreakGlass}).
	 */
	private boolean brokeGlass(StaffMember user, UUID patientId) {
		return isCareTeamRole(user) && this.jdbc.sql("""
				select exists (select 1 from patient.break_glass
				               where user_id = ? and patient_id = ? and expires_at > now())""")
			.params(user.id(), patientId)
			.query(Boolean.class)
			.single();
	}

	static boolean seesClinical(StaffMember user, List<UUID> careTeam) {
		return seesAllClinical(user) || (isCareTeamRole(user) && careTeam.contains(user.id()));
	}

	private static boolean seesAllClinical(StaffMember user) {
		return user.has(Role.ADMIN) || user.has(Role.PRESCRIBER);
	}

	/** Whether searches must be limited to the user's own care teams. */
	static boolean limitedToCareTeams(StaffMember user) {
		return !seesEveryPatient(user);
	}

	static boolean seesEveryPatient(StaffMember user) {
		return user.has(Role.ADMIN) || user.has(Role.PRESCRIBER) || user.has(Role.FRONT_DESK);
	}

	private static boolean isCareTeamRole(StaffMember user) {
		return user.has(Role.NURSE) || user.has(Role.THERAPIST);
	}

	boolean onCareTeam(UUID userId, UUID patientId) {
		return this.jdbc.sql("""
				select exists (select 1 from patient.care_team_member
				               where patient_id = ? and user_id = ? and removed_at is null)""")
			.params(patientId, userId)
			.query(Boolean.class)
			.single();
	}

	private NotFoundException notVisible(UUID patientId) {
		deny(patientId, AuditAction.READ, "not on the care team");
		return new NotFoundException(RESOURCE, patientId);
	}

	private void deny(UUID patientId, AuditAction attempted, String why) {
		this.audit.recordIndependently(AuditEvent.of(attempted, RESOURCE, patientId)
			.patient(patientId)
			.category(DataCategory.DEMOGRAPHICS)
			.outcome(AuditOutcome.DENIED)
			.detail(why));
	}

}
