package org.kapclinic.tasks;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.Role;
import org.kapclinic.patient.CareTeamChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Someone taken off a care team stops holding that patient's open tasks, and a task left
 * with nobody goes to the team's clinicians (or, without any, every prescriber), in the
 * same transaction as the change (issue 16 finding 1): an urgent suicide-risk review must
 * never wait in the list of someone who can no longer open the chart.
 */
@Component
class CareTeamReassignment {

	private static final Set<Role> CLINICIANS = Set.of(Role.PRESCRIBER, Role.NURSE, Role.THERAPIST);

	private final JdbcClient jdbc;

	private final TaskAssignment assignment;

	private final AuditTrail audit;

	CareTeamReassignment(JdbcClient jdbc, TaskAssignment assignment, AuditTrail audit) {
		this.jdbc = jdbc;
		this.assignment = assignment;
		this.audit = audit;
	}

	@EventListener
	void changed(CareTeamChanged change) {
		if (change.removed().isEmpty()) {
			return;
		}
		List<UUID> open = this.jdbc.sql("""
				select t.id from tasks.care_task t
				where t.patient_id = ? and t.completed_at is null
				  and exists (select 1 from tasks.task_assignee a where a.task_id = t.id and a.user_id = any(?))""")
			.params(change.patientId(), change.removed().toArray(UUID[]::new))
			.query(UUID.class)
			.list();
		for (UUID taskId : open) {
			this.jdbc.sql("delete from tasks.task_assignee where task_id = ? and user_id = any(?)")
				.params(taskId, change.removed().toArray(UUID[]::new))
				.update();
			Set<UUID> given = Set.of();
			boolean nobodyLeft = !this.jdbc.sql("select exists (select 1 from tasks.task_assignee where task_id = ?)")
				.param(taskId)
				.query(Boolean.class)
				.single();
			if (nobodyLeft) {
				given = this.assignment.assign(taskId, change.patientId(), CLINICIANS, Set.of());
			}
			this.audit.record(AuditEvent.of(AuditAction.UPDATE, CareTasks.RESOURCE, taskId)
				.patient(change.patientId())
				.category(DataCategory.CARE_TEAM)
				.detail("taken from " + change.removed() + " (left the care team)"
						+ (given.isEmpty() ? "" : "; given to " + given)));
		}
	}

}
