package org.kapclinic.portal;

import java.time.Instant;
import java.util.UUID;

/** The invitation sent. */
public record Invitation(UUID accountId, UUID patientId, String email, Instant expiresAt, PortalAccountHolder holder) {
}
