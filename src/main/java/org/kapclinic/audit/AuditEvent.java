package org.kapclinic.audit;

import java.util.UUID;

/**
 * What a module reports to the audit trail. The actor, client address, channel and time
 * are filled in by {@link AuditTrail} from the current request.
 *
 * @param actorName overrides the signed-in user's name (e.g. the username of a failed
 * sign-in); {@code null} to use the current principal
 */
public record AuditEvent(AuditAction action, String resourceType, String resourceId, UUID patientId,
		DataCategory category, AuditOutcome outcome, String detail, String actorName) {

	public static AuditEvent of(AuditAction action, String resourceType, Object resourceId) {
		return new AuditEvent(action, resourceType, resourceId == null ? null : resourceId.toString(), null, null,
				AuditOutcome.SUCCESS, null, null);
	}

	public AuditEvent patient(UUID patientId) {
		return new AuditEvent(this.action, this.resourceType, this.resourceId, patientId, this.category, this.outcome,
				this.detail, this.actorName);
	}

	public AuditEvent category(DataCategory category) {
		return new AuditEvent(this.action, this.resourceType, this.resourceId, this.patientId, category, this.outcome,
				this.detail, this.actorName);
	}

	public AuditEvent outcome(AuditOutcome outcome) {
		return new AuditEvent(this.action, this.resourceType, this.resourceId, this.patientId, this.category, outcome,
				this.detail, this.actorName);
	}

	public AuditEvent detail(String detail) {
		return new AuditEvent(this.action, this.resourceType, this.resourceId, this.patientId, this.category,
				this.outcome, detail, this.actorName);
	}

	public AuditEvent actor(String actorName) {
		return new AuditEvent(this.action, this.resourceType, this.resourceId, this.patientId, this.category,
				this.outcome, this.detail, actorName);
	}

}
