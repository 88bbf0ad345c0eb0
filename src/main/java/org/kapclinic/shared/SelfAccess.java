package org.kapclinic.shared;

import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The portal's one access rule, for method security (issue 21): a signed-in patient may
 * reach their own record and nobody else's; a guardian's proxy reaches the minor's, but
 * the journal and self-reports only by policy ({@link #seesPrivate}).
 * {@code @PreAuthorize("hasRole('BILLING') or @selfAccess.is(#patientId)")}.
 */
@Component("selfAccess")
public class SelfAccess {

	/** Whether the signed-in user is the patient {@code patientId} on the portal. */
	public boolean is(UUID patientId) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return signedIn(patientId) != null;
	}

	/**
	 * Whether the signed-in user may reach {@code patientId}'s journal and self-reports
	 * on the portal: the patient, or their guardian's proxy where the clinic's policy
	 * allows.
	 */
	public boolean seesPrivate(UUID patientId) {
		SignedInPatient patient = signedIn(patientId);
		return patient != null && patient.seesPrivate();
	}

	private static SignedInPatient signedIn(UUID patientId) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (patientId != null && authentication != null
				&& authentication.getPrincipal() instanceof SignedInPatient patient
				&& patientId.equals(patient.patientId())) ? patient : null;
	}

}
