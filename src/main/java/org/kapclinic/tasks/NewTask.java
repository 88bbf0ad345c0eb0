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
 */
public record NewTask(UUID patientId, TaskPriority priority, String kind, String title, String detail,
		String sourceType, UUID sourceId, boolean closedBySource, Instant dueBy, Set<Role> assigneeRoles) {

	public NewTask {
		Objects.requireNonNull(patientId, "patientId");
		Objects.requireNonNull(priority, "priority");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(sourceType, "sourceType");
		Objects.requireNonNull(sourceId, "sourceId");
		assigneeRoles = Set.copyOf(assigneeRoles);
	}

}
