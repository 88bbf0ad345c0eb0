package org.kapclinic.tasks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A task as people see it, with its assignees' names. */
record CareTask(UUID id, UUID patientId, TaskPriority priority, String kind, String title, String detail,
		String sourceType, UUID sourceId, boolean closedBySource, Instant createdAt, Instant dueBy, Instant completedAt,
		UUID completedBy, String completionNote, List<Assignee> assignees, String linkPath, String linkLabel) {

	public boolean open() {
		return this.completedAt == null;
	}

	/** Still open after its due time. */
	public boolean overdue(Instant now) {
		return open() && this.dueBy != null && this.dueBy.isBefore(now);
	}

	/** An assigned staff member. */
	public record Assignee(UUID userId, String displayName) {
	}

}
