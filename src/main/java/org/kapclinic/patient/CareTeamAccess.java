package org.kapclinic.patient;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.kapclinic.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import org.kapclinic.identity.StaffMember;
import org.springframework.stereotype.Component;

/** Lets other modules apply the patient-visibility rule to their own records. */
@Component
public class CareTeamAccess {

	private final PatientAccessPolicy policy;

	private final CareTeams careTeams;

	private final JdbcClient jdbc;

	CareTeamAccess(PatientAccessPolicy policy, CareTeams careTeams, JdbcClient jdbc) {
		this.policy = policy;
		this.careTeams = careTeams;
		this.jdbc = jdbc;
	}

	/**
	 * The patient's current care team with roles, for work the clinic itself assigns (an
	 * urgent task after a risk answer). Not a disclosure to a user: no access check.
	 */
	public List<CareTeamMember> careTeam(UUID patientId) {
		return this.careTeams.current(patientId);
	}

	/**
	 * Which patients' clinical records the user may see in a clinic-wide list (a
	 * worklist): every patient ({@link ClinicalScope#all()}) or their care teams'
	 * patients; a role without clinical access (front desk) is refused (403).
	 */
	public ClinicalScope requireClinicalScope(StaffMember user) {
		if (user.has(Role.ADMIN) || user.has(Role.PRESCRIBER)) {
			return new ClinicalScope(true, Set.of());
		}
		if (!(user.has(Role.NURSE) || user.has(Role.THERAPIST))) {
			throw new AccessDeniedException("Your role may not see clinical content");
		}
		return new ClinicalScope(false, careTeamPatients(user));
	}

	private Set<UUID> careTeamPatients(StaffMember user) {
		return Set.copyOf(this.jdbc
			.sql("select patient_id from patient.care_team_member where user_id = ? and removed_at is null")
			.param(user.id())
			.query(UUID.class)
			.list());
	}

	/**
	 * Which patients the user may see at all (demographics) in a clinic-wide list such as
	 * a calendar: every patient for roles that see everyone, else their care teams'.
	 */
	public ClinicalScope visibleScope(StaffMember user) {
		if (PatientAccessPolicy.seesEveryPatient(user)) {
			return new ClinicalScope(true, Set.of());
		}
		return new ClinicalScope(false, careTeamPatients(user));
	}

	/** Every patient, or just these. */
	public record ClinicalScope(boolean all, Set<UUID> patientIds) {

		public boolean includes(UUID patientId) {
			return this.all || this.patientIds.contains(patientId);
		}

	}

	/** Whether the user may see this patient at all (demographics). */
	public boolean canSee(StaffMember user, UUID patientId) {
		return this.policy.canSee(user, patientId);
	}

	/**
	 * The signed-in user, if they may see this patient's clinical records; otherwise 404
	 * (patient not visible to them) or 403 (role may not see clinical content), audited.
	 */
	public StaffMember requireClinical(UUID patientId) {
		return this.policy.requireClinical(patientId);
	}

	/** Whether the user may see this patient's clinical records. */
	public boolean canSeeClinical(StaffMember user, UUID patientId) {
		return this.policy.seesClinical(user, patientId);
	}

}
