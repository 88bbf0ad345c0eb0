package org.kapclinic.tasks;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.identity.UserDirectory;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.patient.CareTeamMember;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who a task goes to: the patient's care-team members with the task's roles, active
 * accounts only; when there is none, every active prescriber, so a task always reaches a
 * person.
 */
@Component
class TaskAssignment {

	private final JdbcClient jdbc;

	private final CareTeamAccess access;

	private final UserDirectory directory;

	TaskAssignment(JdbcClient jdbc, CareTeamAccess access, UserDirectory directory) {
		this.jdbc = jdbc;
		this.access = access;
		this.directory = directory;
	}

	/**
	 * Assigns the task to the care team's members with these roles (or every active
	 * prescriber) and to every active member of {@code clinicWide}; returns who.
	 */
	Set<UUID> assign(UUID taskId, UUID patientId, Set<Role> roles, Set<Role> clinicWide) {
		Set<UUID> assignees = careTeam(patientId, roles);
		if (!clinicWide.isEmpty()) {
			this.directory.activeWithAnyRole(clinicWide).forEach((member) -> assignees.add(member.id()));
		}
		for (UUID userId : assignees) {
			this.jdbc.sql("insert into tasks.task_assignee (task_id, user_id) values (?, ?) on conflict do nothing")
				.params(taskId, userId)
				.update();
		}
		return assignees;
	}

	private Set<UUID> careTeam(UUID patientId, Set<Role> roles) {
		Set<UUID> team = new LinkedHashSet<>();
		for (CareTeamMember member : this.access.careTeam(patientId)) {
			if (member.roles().stream().anyMatch(roles::contains)) {
				team.add(member.userId());
			}
		}
		// Keep only active accounts: a task for a deactivated account reaches no one.
		team.retainAll(this.directory.findAllCurrent(team)
			.values()
			.stream()
			.filter(StaffMember::active)
			.map(StaffMember::id)
			.toList());
		if (team.isEmpty()) {
			this.directory.activeWithAnyRole(List.of(Role.PRESCRIBER)).forEach((member) -> team.add(member.id()));
		}
		return team;
	}

}
