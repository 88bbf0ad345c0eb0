package org.kapclinic.patient;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.kapclinic.identity.Role;

/** A current member of a patient's care team. */
public record CareTeamMember(UUID userId, String displayName, Set<Role> roles, Instant addedAt) {
}
