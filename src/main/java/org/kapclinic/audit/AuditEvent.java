package org.kapclinic.audit;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a module reports to the audit trail. The actor, client address, channel and time
 * are filled in by {@link AuditTrail} from the current request.
 *
 * @param actorName overrides the signed-in user's name (e.g. the username of a failed
 * sign-in); {@code null} to use the current principal
 * @param patientIds the patients a list, search, worklist, board or feed showed (null for
 * a single record's event)
 */
public record AuditEvent(AuditAction action, String resourceType, String resourceId, UUID patientId,
		DataCategory category, AuditOutcome outcome, String detail, String actorName, List<UUID> patientIds) {

	/**
	 * The most ids one row carries; a longer list is cut (the detail gives the count).
	 */
	public static final int MAX_PATIENT_IDS = 5000;

	public AuditEvent(AuditAction action, String resourceType, String resourceId, UUID patientId, DataCategory category,
			AuditOutcome outcome, String detail, String actorName) {
		this(action, resourceType, resourceId, patientId, category, outcome, detail, actorName, null);
	}

	public static AuditEvent of(AuditAction action, String resourceType, Object resourceId) {
		return new AuditEvent(action, resourceType, resourceId == null ? null : resourceId.toString(), null, null,
				AuditOutcome.SUCCESS, null, null, null);
	}

	/**
	 * The patients the user was shown (distinct, in order, at most
	 * {@link #MAX_PATIENT_IDS}).
	 */
	public AuditEvent patients(Collection<UUID> shown) {
		List<UUID> ids = shown.stream().filter(Objects::nonNull).distinct().limit(MAX_PATIENT_IDS).toList();
		return new AuditEvent(this.action, this.resourceType, this.resourceId, this.patientId, this.category,
				this.outcome, this.detail, this.actorName, ids.isEmpty() ? null : ids);
	}

	public AuditEvent patient(UUID patientId) {
		return new AuditEvent(this.action, this.resourceType, this.resourceId, patientId, this.category, this.outcome,
				this.detail, this.actorName, this.patientIds);
	}

	public AuditEvent category(DataCategory category) {
		return new AuditEvent(this.action, this.resourceType, this.resourceId, this.patientId, category, this.outcome,
				this.detail, this.actorName, this.patientIds);
	}

	public AuditEvent outcome(AuditOutcome outcome) {
		return new AuditEvent(this.action, this.resourceType, this.resourceId, this.patientId, this.category, outcome,
				this.detail, this.actorName, this.patientIds);
	}

	public AuditEvent detail(String detail) {
		return new AuditEvent(this.action, this.resourceType, this.resourceId, this.patientId, this.category,
				this.outcome, detail, this.actorName, this.patientIds);
	}

	public AuditEvent actor(String actorName) {
		return new AuditEvent(this.action, this.resourceType, this.resourceId, this.patientId, this.category,
				this.outcome, this.detail, actorName, this.patientIds);
	}

}
