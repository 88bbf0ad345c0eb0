package org.kapclinic.scheduling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.kapclinic.intake.Program;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The form of a booking request, checked field by field before any rule: every problem is
 * reported at once (400 with field messages), and what the request names (room, course
 * and its template version, program, repetition) is resolved for the rules and the
 * insert. The clinical and scheduling rules come after, in {@link BookingGate}.
 */
@Component
class AppointmentChecks {

	static final int MAX_OCCURRENCES = 26;

	private final JdbcClient jdbc;

	private final Validator validator;

	private final Courses courses;

	private final CourseTemplates templates;

	AppointmentChecks(JdbcClient jdbc, Validator validator, Courses courses, CourseTemplates templates) {
		this.jdbc = jdbc;
		this.validator = validator;
		this.courses = courses;
		this.templates = templates;
	}

	/** Every problem of the request at once (400), or what it names, resolved. */
	Checked validate(AppointmentRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		for (ConstraintViolation<AppointmentRequest> violation : this.validator.validate(request)) {
			problems.add(new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()));
		}
		AppointmentType type = type(request, problems);
		fields(request, type, problems);
		Room room = room(request, type, problems);
		Course course = course(request, problems);
		String program = (course != null) ? course.program() : request.program();
		if (program != null && !isProgram(program)) {
			problems.add(new FieldProblem("program", "one of KAP, IV_INFUSION, ESKETAMINE"));
		}
		int everyWeeks = 0;
		int occurrences = 1;
		if (request.repeat() != null && problems.isEmpty()) {
			everyWeeks = request.repeat().everyWeeks();
			occurrences = request.repeat().count();
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		CourseTemplate template = (course != null)
				? this.templates.version(course.templateCode(), course.templateVersion()).orElse(null) : null;
		return new Checked(type, program, room, request.staffIds(), course, template, occurrences, everyWeeks);
	}

	private static AppointmentType type(AppointmentRequest request, List<FieldProblem> problems) {
		try {
			return AppointmentType.valueOf(String.valueOf(request.type()));
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem("type", "one of " + Arrays.toString(AppointmentType.values())));
			return null;
		}
	}

	/**
	 * The rules between fields: circle, telehealth, staff (their form is on the record).
	 */
	private static void fields(AppointmentRequest request, AppointmentType type, List<FieldProblem> problems) {
		if (request.groupId() != null && type != null && type != AppointmentType.GROUP_INTEGRATION) {
			problems.add(new FieldProblem("groupId", "only a group integration circle is joined"));
		}
		if (request.telehealthLink() != null) {
			if (type != null && !type.allowsTelehealth()) {
				problems.add(new FieldProblem("telehealthLink", "dosing is never telehealth"));
			}
			else if (!request.telehealthLink().startsWith("https://")) {
				problems.add(new FieldProblem("telehealthLink", "an https:// link"));
			}
		}
		if (request.staffIds().size() != new LinkedHashSet<>(request.staffIds()).size()) {
			problems.add(new FieldProblem("staffIds", "each staff member once"));
		}
	}

	/**
	 * The active room or chair named; an in-person appointment needs one (a consultation,
	 * a telehealth appointment and a circle member do not).
	 */
	private Room room(AppointmentRequest request, AppointmentType type, List<FieldProblem> problems) {
		if (request.roomId() == null) {
			if (request.telehealthLink() == null && type != null && type != AppointmentType.CONSULTATION
					&& request.groupId() == null) {
				problems.add(new FieldProblem("roomId", "an in-person appointment needs a room or chair"));
			}
			return null;
		}
		Room room = this.jdbc.sql("select * from scheduling.room where id = ? and active")
			.param(request.roomId())
			.query((rs, n) -> ClinicResources.map(rs))
			.optional()
			.orElse(null);
		if (room == null) {
			problems.add(new FieldProblem("roomId", "no such active room or chair"));
		}
		return room;
	}

	/** The patient's course named, still open to bookings; null when none is named. */
	private Course course(AppointmentRequest request, List<FieldProblem> problems) {
		if (request.courseId() == null) {
			return null;
		}
		Course course = this.jdbc.sql("select id from scheduling.course where id = ?")
			.param(request.courseId())
			.query(UUID.class)
			.optional()
			.map(this.courses::load)
			.orElse(null);
		if (course == null || !course.patientId().equals(request.patientId())) {
			problems.add(new FieldProblem("courseId", "not a course of this patient"));
			return null;
		}
		if (!course.bookable()) {
			problems.add(new FieldProblem("courseId",
					"the course is " + course.status().label().toLowerCase(java.util.Locale.ROOT)));
		}
		return course;
	}

	private static boolean isProgram(String program) {
		try {
			Program.valueOf(program);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** A request that passed: what it names, resolved. */
	record Checked(AppointmentType type, String program, Room room, List<UUID> staffIds, Course course,
			CourseTemplate template, int occurrences, int everyWeeks) {
	}

}
