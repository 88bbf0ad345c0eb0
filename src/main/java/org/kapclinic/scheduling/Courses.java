package org.kapclinic.scheduling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.identity.UserDirectory;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.RuleViolationException;
import org.kapclinic.shared.VersionConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Treatment courses: a template made into a patient's plan, with a status that moves
 * planned → active → paused → completed or discontinued (with a reason), and a plan that
 * is adjusted (add a booster, extend a series) with the reason kept.
 */
@Service
@Transactional
public class Courses {

	static final String RESOURCE = "Course";

	private static final TypeReference<List<Course.PlannedStep>> PLAN = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final CourseTemplates templates;

	private final CareTeamAccess access;

	private final UserDirectory directory;

	private final AuditTrail audit;

	private final Clock clock;

	private final org.springframework.context.ApplicationEventPublisher events;

	Courses(JdbcClient jdbc, JsonMapper json, CourseTemplates templates, CareTeamAccess access, UserDirectory directory,
			AuditTrail audit, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.json = json;
		this.templates = templates;
		this.access = access;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	public Course start(UUID patientId, CourseRequest request) {
		StaffMember user = requirePlanner(patientId);
		CourseTemplate template = this.templates.current(request.templateCode())
			.orElseThrow(() -> InvalidInputException.of("templateCode",
					"unknown template; see GET /api/v1/course-templates"));
		List<FieldProblem> problems = new ArrayList<>();
		checkRole(request.prescriberId(), Role.PRESCRIBER, "prescriberId", problems);
		checkRole(request.therapistId(), Role.THERAPIST, "therapistId", problems);
		if ("KAP".equals(template.program()) && request.therapistId() == null) {
			problems.add(new FieldProblem("therapistId", "a KAP course needs an in-house therapist"));
		}
		if (!"KAP".equals(template.program()) && request.therapistId() == null
				&& (request.outsideTherapist() == null || request.outsideTherapist().isBlank())) {
			problems.add(new FieldProblem("outsideTherapist",
					"an adjunctive course names the patient's outside therapist (or an in-house therapist)"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		List<Course.PlannedStep> plan = template.plan();
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into scheduling.course (id, patient_id, template_code, template_version, program, prescriber_id,
				    therapist_id, outside_therapist, goals, status, plan, created_at, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLANNED', ?::jsonb, ?, ?)""")
			.params(id, patientId, template.code(), template.version(), template.program(),
					(request.prescriberId() != null) ? request.prescriberId()
							: user.has(Role.PRESCRIBER) ? user.id() : null,
					request.therapistId(), blankToNull(request.outsideTherapist()), blankToNull(request.goals()),
					this.json.writeValueAsString(plan), Timestamp.from(Instant.now(this.clock)), user.id())
			.update();
		change(id, user, "created from " + template.code() + " " + template.version(), null);
		this.audit.record(AuditEvent.of(AuditAction.CREATE, RESOURCE, id)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail(template.code() + " " + template.version()));
		this.events.publishEvent(new CourseChanged(patientId, id));
		return load(id);
	}

	@Transactional(readOnly = true)
	public List<Course> list(UUID patientId) {
		this.access.requireClinical(patientId);
		List<Course> courses = this.jdbc
			.sql("select * from scheduling.course where patient_id = ? order by created_at desc")
			.param(patientId)
			.query((rs, n) -> map(rs))
			.list();
		this.audit
			.record(AuditEvent.of(AuditAction.READ, RESOURCE, null).patient(patientId).category(DataCategory.CLINICAL));
		return courses;
	}

	/** The patient's bookable (planned or active) courses; the caller checks access. */
	@Transactional(readOnly = true)
	public List<Course> active(UUID patientId) {
		return this.jdbc.sql("""
				select * from scheduling.course where patient_id = ? and status in ('PLANNED', 'ACTIVE')
				order by created_at desc""").param(patientId).query((rs, n) -> map(rs)).list();
	}

	@Transactional(readOnly = true)
	public Course find(UUID courseId) {
		Course course = load(courseId);
		this.access.requireClinical(course.patientId());
		return course;
	}

	/**
	 * The course as a person asked to read it (the API's course, progress, checks and
	 * history): {@link #find} plus one audit row naming the patient and what was read.
	 */
	public Course read(UUID courseId, String what) {
		Course course = find(courseId);
		this.audit.record(AuditEvent.of(AuditAction.READ, "Course", courseId)
			.patient(course.patientId())
			.category(DataCategory.CLINICAL)
			.detail(what));
		return course;
	}

	public Course changeStatus(UUID courseId, String status, String reason, Integer version) {
		Course course = load(courseId);
		StaffMember user = requirePlanner(course.patientId());
		checkVersion(course, version);
		CourseStatus next = CourseStatus.parse(status)
			.orElseThrow(() -> InvalidInputException.of("status",
					"one of " + java.util.Arrays.toString(CourseStatus.values())));
		if (!course.status().canBecome(next)) {
			throw new RuleViolationException(
					"A " + course.status().inWords() + " course cannot become " + next.inWords() + ".",
					List.of("TRANSITION_NOT_ALLOWED"));
		}
		if (next.needsReason() && (reason == null || reason.isBlank())) {
			throw InvalidInputException.of("reason", "say why the course is " + next.inWords());
		}
		this.jdbc.sql("""
				update scheduling.course set status = ?, status_reason = ? where id = ?""")
			.params(next.name(), blankToNull(reason), courseId)
			.update();
		change(courseId, user, course.status() + " -> " + next, reason);
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, RESOURCE, courseId)
			.patient(course.patientId())
			.category(DataCategory.CLINICAL)
			.detail(course.status() + " -> " + next));
		this.events.publishEvent(new CourseChanged(course.patientId(), courseId));
		return load(courseId);
	}

	/**
	 * Adds (or, with a negative number, removes) planned sessions of a type, with a
	 * reason.
	 */
	public Course adjustPlan(UUID courseId, String type, int add, String reason, Integer version) {
		Course course = load(courseId);
		StaffMember user = requirePlanner(course.patientId());
		checkVersion(course, version);
		if (reason == null || reason.isBlank()) {
			throw InvalidInputException.of("reason", "say why the plan changes");
		}
		try {
			AppointmentType.valueOf(String.valueOf(type));
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInputException.of("type", "an appointment type");
		}
		if (add == 0 || Math.abs(add) > 52) {
			throw InvalidInputException.of("add", "a number of sessions, not 0, at most 52");
		}
		if (!course.bookable() && course.status() != CourseStatus.PAUSED) {
			throw new RuleViolationException("A " + course.status().inWords() + " course's plan is closed.",
					List.of("CLOSED"));
		}
		List<Course.PlannedStep> plan = new ArrayList<>(course.plan());
		int index = -1;
		for (int i = plan.size() - 1; i >= 0; i--) {
			if (plan.get(i).type().equals(type)) {
				index = i;
				break;
			}
		}
		if (index < 0) {
			if (add < 0) {
				throw InvalidInputException.of("add", "no " + AppointmentType.sessionsOf(type) + " are planned");
			}
			plan.add(new Course.PlannedStep(type, add, 60, List.of(), List.of(), null));
		}
		else {
			Course.PlannedStep step = plan.get(index);
			if (step.count() + add < 0) {
				throw InvalidInputException.of("add",
						"only " + step.count() + " " + AppointmentType.sessionsOf(type) + " are planned");
			}
			plan.set(index, new Course.PlannedStep(step.type(), step.count() + add, step.durationMinutes(),
					step.roles(), step.needs(), step.phase()));
		}
		this.jdbc.sql("update scheduling.course set plan = ?::jsonb where id = ?")
			.params(this.json.writeValueAsString(plan), courseId)
			.update();
		change(courseId, user, ((add > 0) ? "+" : "") + add + " " + type, reason);
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, RESOURCE, courseId)
			.patient(course.patientId())
			.category(DataCategory.CLINICAL)
			.detail("plan " + add + " " + type));
		return load(courseId);
	}

	Course load(UUID courseId) {
		return this.jdbc.sql("select * from scheduling.course where id = ?")
			.param(courseId)
			.query((rs, n) -> map(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException(RESOURCE, courseId));
	}

	private StaffMember requirePlanner(UUID patientId) {
		StaffMember user = this.access.requireClinical(patientId);
		if (!(user.has(Role.PRESCRIBER) || user.has(Role.ADMIN))) {
			throw new AccessDeniedException("Prescribers and administrators plan courses");
		}
		return user;
	}

	private void checkRole(UUID userId, Role role, String field, List<FieldProblem> problems) {
		if (userId == null) {
			return;
		}
		StaffMember member = this.directory.find(userId).orElse(null);
		if (member == null || !member.active() || !member.has(role)) {
			problems.add(new FieldProblem(field, "must be an active " + role.name().toLowerCase()));
		}
	}

	private static void checkVersion(Course course, Integer version) {
		if (version != null && version != course.version()) {
			throw new VersionConflictException(RESOURCE, course.id(), course.version());
		}
	}

	private void change(UUID courseId, StaffMember user, String change, String reason) {
		this.jdbc.sql("""
				insert into scheduling.course_change (course_id, at, by_user, change, reason) values (?, ?, ?, ?, ?)""")
			.params(courseId, Timestamp.from(Instant.now(this.clock)), user.id(), change, blankToNull(reason))
			.update();
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

	private Course map(ResultSet rs) throws SQLException {
		return new Course(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
				rs.getString("template_code"), rs.getString("template_version"), rs.getString("program"),
				rs.getObject("prescriber_id", UUID.class), rs.getObject("therapist_id", UUID.class),
				rs.getString("outside_therapist"), rs.getString("goals"), CourseStatus.valueOf(rs.getString("status")),
				rs.getString("status_reason"), this.json.readValue(rs.getString("plan"), PLAN),
				rs.getTimestamp("created_at").toInstant(), rs.getInt("version"));
	}

}
