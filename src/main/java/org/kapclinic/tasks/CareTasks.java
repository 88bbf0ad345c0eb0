package org.kapclinic.tasks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.identity.UserDirectory;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.RuleViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens, lists and completes care tasks. Opening is done by the clinic itself (inside the
 * transaction that found the reason for it), so it needs no signed-in user; reading and
 * completing do.
 */
@Service
@Transactional
public class CareTasks {

	static final String RESOURCE = "CareTask";

	private static final int NOTE_MAX = 4000;

	private final JdbcClient jdbc;

	private final CareTeamAccess access;

	private final UserDirectory directory;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	private final Clock clock;

	private final TaskAssignment assignment;

	CareTasks(JdbcClient jdbc, CareTeamAccess access, UserDirectory directory, CurrentUser currentUser,
			AuditTrail audit, Clock clock, TaskAssignment assignment) {
		this.assignment = assignment;
		this.jdbc = jdbc;
		this.access = access;
		this.directory = directory;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Opens the task unless one of the same kind is already open or done for the source
	 * (idempotent); returns its id.
	 */
	public UUID open(NewTask task) {
		return open(task, Set.of());
	}

	/**
	 * As {@link #open(NewTask)}, also assigned to every active member of these roles (the
	 * clinic's administrators, for a review that is theirs whoever the care team is).
	 */
	public UUID open(NewTask task, Set<Role> clinicWide) {
		UUID existing = this.jdbc
			.sql("select id from tasks.care_task where source_type = ? and source_id = ? and kind = ?")
			.params(task.sourceType(), task.sourceId(), task.kind())
			.query(UUID.class)
			.optional()
			.orElse(null);
		if (existing != null) {
			return existing;
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into tasks.care_task (id, patient_id, priority, kind, title, detail, source_type, source_id,
				    closed_by_source, created_at, due_by, link_path, link_label)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, task.patientId(), task.priority().name(), task.kind(), task.title(), task.detail(),
					task.sourceType(), task.sourceId(), task.closedBySource(), Timestamp.from(Instant.now(this.clock)),
					(task.dueBy() != null) ? Timestamp.from(task.dueBy()) : null, task.linkPath(), task.linkLabel())
			.update();
		Set<UUID> assignees = this.assignment.assign(id, task.patientId(), task.assigneeRoles(), clinicWide);
		this.audit.record(AuditEvent.of(AuditAction.CREATE, RESOURCE, id)
			.patient(task.patientId())
			.category(DataCategory.CLINICAL)
			.detail(task.priority() + " " + task.kind() + " assigned to " + assignees));
		return id;
	}

	/** Completes the source's open tasks (its own workflow decided they are done). */
	public void completeBySource(String sourceType, UUID sourceId, UUID userId, String note) {
		List<Row> done = this.jdbc.sql("""
				update tasks.care_task set completed_at = ?, completed_by = ?, completion_note = ?
				where source_type = ? and source_id = ? and completed_at is null returning *""")
			.params(Timestamp.from(Instant.now(this.clock)), userId, note, sourceType, sourceId)
			.query((rs, n) -> row(rs))
			.list();
		for (Row task : done) {
			this.audit.record(AuditEvent.of(AuditAction.UPDATE, RESOURCE, task.id())
				.patient(task.patientId())
				.category(DataCategory.CLINICAL)
				.detail("completed: " + sourceType + " closed"));
		}
	}

	/**
	 * The signed-in user's open tasks, urgent first, about patients they may still see:
	 * someone taken off a care team no longer reads that patient's name and "suicide-risk
	 * review" in their list (issue 16 finding 1).
	 */
	@Transactional(readOnly = true)
	public List<CareTask> mine() {
		StaffMember user = this.currentUser.require();
		CareTeamAccess.ClinicalScope scope = scopeOf(user);
		List<CareTask> tasks = load("""
				select t.* from tasks.care_task t join tasks.task_assignee a on a.task_id = t.id
				where a.user_id = ? and t.completed_at is null
				order by t.priority = 'URGENT' desc, coalesce(t.due_by < now(), false) desc, t.created_at""", user.id())
			.stream()
			.filter((task) -> task.patientId() == null || scope.includes(task.patientId()))
			.toList();
		this.audit.record(AuditEvent.of(AuditAction.QUERY, RESOURCE, null)
			.category(DataCategory.CLINICAL)
			.patients(tasks.stream().map(CareTask::patientId).toList())
			.detail("my open tasks: " + tasks.size()));
		return tasks;
	}

	/** How many urgent tasks wait for the signed-in user (the navigation badge). */
	@Transactional(readOnly = true)
	public int urgentCount(StaffMember user) {
		List<UUID> patients = this.jdbc.sql("""
				select t.patient_id from tasks.care_task t join tasks.task_assignee a on a.task_id = t.id
				where a.user_id = ? and t.completed_at is null and t.priority = 'URGENT'""")
			.param(user.id())
			.query((rs, n) -> rs.getObject(1, UUID.class))
			.list();
		if (patients.isEmpty()) {
			return 0;
		}
		CareTeamAccess.ClinicalScope scope = scopeOf(user);
		return (int) patients.stream().filter((patient) -> patient == null || scope.includes(patient)).count();
	}

	/**
	 * The patients whose clinical content the user may see now (none for other roles).
	 */
	private CareTeamAccess.ClinicalScope scopeOf(StaffMember user) {
		try {
			return this.access.requireClinicalScope(user);
		}
		catch (AccessDeniedException ex) {
			return new CareTeamAccess.ClinicalScope(false, java.util.Set.of());
		}
	}

	/** The patient's open tasks. */
	@Transactional(readOnly = true)
	public List<CareTask> openFor(UUID patientId) {
		this.access.requireClinical(patientId);
		List<CareTask> tasks = load("""
				select * from tasks.care_task where patient_id = ? and completed_at is null
				order by priority = 'URGENT' desc, created_at""", patientId);
		this.audit
			.record(AuditEvent.of(AuditAction.READ, RESOURCE, null).patient(patientId).category(DataCategory.CLINICAL));
		return tasks;
	}

	/** An assignee marks a task done with a note; source-closed tasks refuse (422). */
	public CareTask complete(UUID taskId, String note) {
		CareTask task = load("select * from tasks.care_task where id = ? for update", taskId).stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException(RESOURCE, taskId));
		StaffMember user = this.access.requireClinical(task.patientId());
		if (task.assignees().stream().noneMatch((a) -> a.userId().equals(user.id()))) {
			throw new AccessDeniedException("Only an assignee completes this task");
		}
		if (!task.open()) {
			throw new RuleViolationException("This task is already done.", List.of("COMPLETED"));
		}
		if (task.closedBySource()) {
			throw new RuleViolationException(
					"This task is done when its " + task.sourceType() + " is closed with the documented assessment.",
					List.of("CLOSED_BY_SOURCE"));
		}
		if (note == null || note.isBlank() || note.length() > NOTE_MAX) {
			throw InvalidInputException.of("note", "say what was done (1–" + NOTE_MAX + " characters)");
		}
		this.jdbc.sql("update tasks.care_task set completed_at = ?, completed_by = ?, completion_note = ? where id = ?")
			.params(Timestamp.from(Instant.now(this.clock)), user.id(), note.trim(), taskId)
			.update();
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, RESOURCE, taskId)
			.patient(task.patientId())
			.category(DataCategory.CLINICAL)
			.detail("completed"));
		return load("select * from tasks.care_task where id = ?", taskId).get(0);
	}

	private List<CareTask> load(String sql, Object param) {
		List<Row> rows = this.jdbc.sql(sql).param(param).query((rs, n) -> row(rs)).list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<UUID, List<UUID>> assigned = new LinkedHashMap<>();
		this.jdbc.sql("select task_id, user_id from tasks.task_assignee where task_id = any(?)")
			.param(rows.stream().map(Row::id).toArray(UUID[]::new))
			.query((rs, n) -> assigned.computeIfAbsent(rs.getObject("task_id", UUID.class), (k) -> new ArrayList<>())
				.add(rs.getObject("user_id", UUID.class)))
			.list();
		Map<UUID, StaffMember> names = this.directory
			.findAll(assigned.values().stream().flatMap(Collection::stream).distinct().toList());
		return rows.stream().map((row) -> row.task(assigned.getOrDefault(row.id(), List.of()).stream().map((userId) -> {
			StaffMember member = names.get(userId);
			return new CareTask.Assignee(userId, (member != null) ? member.displayName() : "unknown user");
		}).toList())).toList();
	}

	private static Row row(ResultSet rs) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
				TaskPriority.valueOf(rs.getString("priority")), rs.getString("kind"), rs.getString("title"),
				rs.getString("detail"), rs.getString("source_type"), rs.getObject("source_id", UUID.class),
				rs.getBoolean("closed_by_source"), rs.getTimestamp("created_at").toInstant(),
				instant(rs.getTimestamp("due_by")), instant(rs.getTimestamp("completed_at")),
				rs.getObject("completed_by", UUID.class), rs.getString("completion_note"), rs.getString("link_path"),
				rs.getString("link_label"));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private record Row(UUID id, UUID patientId, TaskPriority priority, String kind, String title, String detail,
			String sourceType, UUID sourceId, boolean closedBySource, Instant createdAt, Instant dueBy,
			Instant completedAt, UUID completedBy, String completionNote, String linkPath, String linkLabel) {

		CareTask task(List<CareTask.Assignee> assignees) {
			return new CareTask(this.id, this.patientId, this.priority, this.kind, this.title, this.detail,
					this.sourceType, this.sourceId, this.closedBySource, this.createdAt, this.dueBy, this.completedAt,
					this.completedBy, this.completionNote, assignees, this.linkPath, this.linkLabel);
		}

	}

}
