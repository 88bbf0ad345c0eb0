package org.kapclinic.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One stored audit row, as read back (public for {@link AuditLog}, the trail's read for
 * other modules).
 */
public record AuditEntry(long id, Instant occurredAt, UUID actorId, String actorName, String actorRoles, String action,
		String resourceType, String resourceId, UUID patientId, String dataCategory, String outcome,
		String clientAddress, String channel, String detail, List<UUID> patientIds) {

	/** A single record's entry (no list of patients). */
	AuditEntry(long id, Instant occurredAt, UUID actorId, String actorName, String actorRoles, String action,
			String resourceType, String resourceId, UUID patientId, String dataCategory, String outcome,
			String clientAddress, String channel, String detail) {
		this(id, occurredAt, actorId, actorName, actorRoles, action, resourceType, resourceId, patientId, dataCategory,
				outcome, clientAddress, channel, detail, null);
	}

	/**
	 * The exact text the hash chain covers. Built from the values as stored, so sealing
	 * and verification agree byte for byte. The list of patients is appended only when
	 * there is one, so entries from before it existed keep their seals.
	 */
	String canonical() {
		String single = canonicalWithoutList();
		return (this.patientIds == null) ? single
				: single + "|patients=" + String.join(",", this.patientIds.stream().map(UUID::toString).toList());
	}

	private String canonicalWithoutList() {
		return String.join("|", String.valueOf(this.id),
				String.valueOf(this.occurredAt.toEpochMilli() * 1000 + (this.occurredAt.getNano() / 1000) % 1000),
				String.valueOf(this.actorId), this.actorName, String.valueOf(this.actorRoles), this.action,
				this.resourceType, String.valueOf(this.resourceId), String.valueOf(this.patientId),
				String.valueOf(this.dataCategory), this.outcome, String.valueOf(this.clientAddress),
				String.valueOf(this.channel), String.valueOf(this.detail));
	}

}
