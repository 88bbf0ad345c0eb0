package org.kapclinic.tasks;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.kapclinic.identity.Role;

/**
 * A task to open for a patient's care team.
 *
 * @param assigneeRoles care-team members with any of these roles are assigned; when the
 * team has none, every active prescriber is, so the task always reaches a person
 * @param closedBySource true when only the source's workflow may complete it (a risk flag
 * closes with a documented assessment, not with a tick)
 * @param linkPath the page where the task is done, a path inside the app (optional)
 * @param linkLabel the words on that link
 */
public record NewTask(UUID patientId, TaskPriority priority, String kind, String title, String detail,
		String sourceType, UUID sourceId, boolean closedBySource, Instant dueBy, Set<Role> assigneeRoles,
		String linkPath, String linkLabel) {

	public NewTask {
		Objects.requireNonNull(patientId, "patientId");
		Objects.requireNonNull(priority, "priority");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(sourceType, "sourceType");
		Objects.requireNonNull(sourceId, "sourceId");
		assigneeRoles = Set.copyOf(assigneeRoles);
		if (linkPath != null && (!linkPath.startsWith("/") || linkPath.startsWith("//") || linkLabel == null)) {
			throw new IllegalArgumentException("a task's link is a path inside the app, with a label");
		}
	}

	/** A task done where its source is (no page of its own to link to). */
	public NewTask(UUID patientId, TaskPriority priority, String kind, String title, String detail, String sourceType,
			UUID sourceId, boolean closedBySource, Instant dueBy, Set<Role> assigneeRoles) {
		this(patientId, priority, kind, title, detail, sourceType, sourceId, closedBySource, dueBy, assigneeRoles, null,
				null);
	}

}
