package org.kapclinic.patient;

import java.util.UUID;

import org.kapclinic.identity.StaffMember;
import org.springframework.stereotype.Component;

/** Lets other modules apply the patient-visibility rule to their own records. */
@Component
public class CareTeamAccess {

	private final PatientAccessPolicy policy;

	CareTeamAccess(PatientAccessPolicy policy) {
		this.policy = policy;
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
