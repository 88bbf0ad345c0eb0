package org.kapclinic.portal;

import java.io.Serializable;
import java.security.Principal;
import java.util.UUID;

import org.kapclinic.shared.SignedInPatient;

/**
 * Someone signed in to the portal: a patient, or a minor's guardian as their proxy.
 * Serializable: it lives in the session table. Its name is how the audit trail names the
 * actor ("portal:" for the patient, "portal-guardian:" for a proxy).
 *
 * @param guardianName the guardian's name when a proxy signed in, else null
 * @param seesPrivate whether the journal and self-reports are open to them
 */
public record PortalPrincipal(UUID accountId, UUID patientId, String email, String guardianName,
		boolean seesPrivate) implements Principal, Serializable, SignedInPatient {

	static PortalPrincipal patient(UUID accountId, UUID patientId, String email) {
		return new PortalPrincipal(accountId, patientId, email, null, true);
	}

	@Override
	public boolean proxy() {
		return this.guardianName != null;
	}

	/**
	 * The conversation with the care team this person holds: null for the patient's own.
	 */
	UUID guardianAccountId() {
		return proxy() ? this.accountId : null;
	}

	@Override
	public String getName() {
		return (proxy() ? "portal-guardian:" : "portal:") + this.email;
	}

}
