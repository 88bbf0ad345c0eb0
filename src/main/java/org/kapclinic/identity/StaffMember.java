package org.kapclinic.identity;

import java.util.Set;
import java.util.UUID;

/** A staff account as other modules see it (no credentials). */
public record StaffMember(UUID id, String username, String displayName, Set<Role> roles,
		boolean active) implements java.io.Serializable {

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

}
