package org.kapclinic.tasks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A task as people see it, with its assignees' names. */
public record CareTask(UUID id, UUID patientId, TaskPriority priority, String kind, String title, String detail,
		String sourceType, UUID sourceId, boolean closedBySource, Instant createdAt, Instant dueBy, Instant completedAt,
		UUID completedBy, String completionNote, List<Assignee> assignees) {

	public boolean open() {
		return this.completedAt == null;
	}

	/** An assigned staff member. */
	public record Assignee(UUID userId, String displayName) {
	}

}
