package org.kapclinic.portal;

import java.io.Serializable;
import java.security.Principal;
import java.util.UUID;

import org.kapclinic.shared.SignedInPatient;

/**
 * A patient signed in to the portal. Serializable: it lives in the session table. Its
 * name is how the audit trail names the actor.
 */
public record PortalPrincipal(UUID accountId, UUID patientId,
		String email) implements Principal, Serializable, SignedInPatient {

	@Override
	public String getName() {
		return "portal:" + this.email;
	}

}
