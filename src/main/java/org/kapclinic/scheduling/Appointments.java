package org.kapclinic.scheduling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.intake.Program;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.RuleViolationException;
import org.postgresql.util.PSQLException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books, reschedules, cancels and marks appointments. The rules are checked first
 * ({@link BookingGate}, 422 naming what is missing); that the room, the patient and each
 * staff member (up to their concurrent capacity) are free is left to the database's
 * exclusion constraints, so it holds under any concurrency and across app instances: the
 * losing transaction gets a 409 naming the resource.
 */
@Service
@Transactional
public class Appointments {

	static final String RESOURCE = "Appointment";

	private static final int MAX_OCCURRENCES = 26;

	/** Integration circles default to 8 places (the example). */
	private static final int DEFAULT_GROUP_CAPACITY = 8;

	private final JdbcClient jdbc;

	private final CareTeamAccess access;

	private final CurrentUser currentUser;

	private final ClinicResources resources;

	private final Courses courses;

	private final CourseTemplates templates;

	private final BookingGate gate;

	private final AuditTrail audit;

	private final Clock clock;

	private final org.kapclinic.shared.ClinicTime clinicTime;

	Appointments(JdbcClient jdbc, CareTeamAccess access, CurrentUser currentUser, ClinicResources resources,
			Courses courses, CourseTemplates templates, BookingGate gate, AuditTrail audit, Clock clock,
			org.kapclinic.shared.ClinicTime clinicTime) {
		this.jdbc = jdbc;
		this.access = access;
		this.currentUser = currentUser;
		this.resources = resources;
		this.courses = courses;
		this.templates = templates;
		this.gate = gate;
		this.audit = audit;
		this.clock = clock;
		this.clinicTime = clinicTime;
	}

	/** Books one appointment, or a whole recurring series (all or nothing). */
	public List<Appointment> book(AppointmentRequest request) {
		StaffMember user = this.currentUser.require();
		Checked checked = validate(request);
		if (!this.access.canSee(user, request.patientId())) {
			throw new NotFoundException("Patient", request.patientId());
		}
		UUID seriesId = (checked.occurrences() > 1) ? UUID.randomUUID() : null;
		List<Appointment> booked = new ArrayList<>();
		for (int i = 0; i < checked.occurrences(); i++) {
			Instant start = request.start().plus(Duration.ofDays(7L * checked.everyWeeks() * i));
			booked.add(insert(request, checked, start, seriesId, null, user, List.of()));
		}
		return booked;
	}

	/**
	 * Moves an appointment (alone, also when it belongs to a series): a new appointment
	 * that points back at the old one, which keeps its history as RESCHEDULED.
	 */
	public Appointment reschedule(UUID id, Instant start, Integer durationMinutes, UUID roomId, List<UUID> staffIds,
			String reason) {
		StaffMember user = this.currentUser.require();
		Appointment old = forUpdate(id);
		if (!old.booked()) {
			throw new RuleViolationException("Only a booked appointment can be moved.", List.of("NOT_BOOKED"));
		}
		if (old.groupId() != null) {
			throw new RuleViolationException("A group member is moved by cancelling and joining another circle.",
					List.of("GROUP_MEMBER"));
		}
		AppointmentRequest request = new AppointmentRequest(old.patientId(), old.type(), start,
				(durationMinutes != null) ? durationMinutes : (int) old.durationMinutes(),
				(roomId != null) ? roomId : old.roomId(), (staffIds != null) ? staffIds : old.staffIds(),
				old.courseId(), old.program(), old.telehealthLink(), null, null, null);
		Checked checked = validate(request);
		release(id, AppointmentStatus.RESCHEDULED, reason);
		Appointment moved = insert(request, checked, start, old.seriesId(), id, user, List.of(id));
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, RESOURCE, id)
			.patient(old.patientId())
			.category(DataCategory.DEMOGRAPHICS)
			.detail("rescheduled to " + moved.id() + ((reason != null) ? ": " + reason : "")));
		return moved;
	}

	public Appointment cancel(UUID id, String reason) {
		if (reason == null || reason.isBlank() || reason.length() > 1000) {
			throw InvalidInputException.of("reason", "say why (1–1000 characters)");
		}
		return close(id, AppointmentStatus.CANCELLED, reason.trim());
	}

	public Appointment noShow(UUID id) {
		return close(id, AppointmentStatus.NO_SHOW, null);
	}

	public Appointment complete(UUID id) {
		return close(id, AppointmentStatus.COMPLETED, null);
	}

	/**
	 * The patient is here: recorded once, on the appointment's day (clinic time), for a
	 * booked appointment.
	 */
	public Appointment arrived(UUID id) {
		this.currentUser.require();
		Appointment appointment = forUpdate(id);
		if (!appointment.booked()) {
			throw new RuleViolationException(
					"This appointment is " + appointment.statusLabel().toLowerCase(java.util.Locale.ROOT) + ".",
					List.of("NOT_BOOKED"));
		}
		java.time.ZoneId zone = this.clinicTime.timeZone();
		if (!appointment.start()
			.atZone(zone)
			.toLocalDate()
			.equals(java.time.LocalDate.now(this.clock.withZone(zone)))) {
			throw new RuleViolationException("A patient is marked arrived on the day of the appointment.",
					List.of("NOT_TODAY"));
		}
		if (appointment.arrivedAt() == null) {
			this.jdbc.sql("update scheduling.appointment set arrived_at = ?, version = version + 1 where id = ?")
				.params(Timestamp.from(Instant.now(this.clock)), id)
				.update();
			this.audit.record(AuditEvent.of(AuditAction.UPDATE, RESOURCE, id)
				.patient(appointment.patientId())
				.category(DataCategory.DEMOGRAPHICS)
				.detail("ARRIVED"));
		}
		return load(id).orElseThrow();
	}

	/** One appointment (the patient-visibility rule applies). */
	@Transactional(readOnly = true)
	public Appointment find(UUID id) {
		Appointment appointment = load(id).orElseThrow(() -> new NotFoundException(RESOURCE, id));
		if (!this.access.canSee(this.currentUser.require(), appointment.patientId())) {
			throw new NotFoundException(RESOURCE, id);
		}
		return appointment;
	}

	/** Appointments (booked unless {@code all}) overlapping [from, to), for calendars. */
	@Transactional(readOnly = true)
	public List<Appointment> between(Instant from, Instant to, UUID roomId, UUID staffId, boolean all) {
		StaffMember user = this.currentUser.require();
		StringBuilder sql = new StringBuilder(
				"""
						select a.*, (select array_agg(user_id) from scheduling.appointment_staff s where s.appointment_id = a.id)
						    as staff
						from scheduling.appointment a where a.start_at < :to and a.end_at > :from""");
		Map<String, Object> params = new HashMap<>();
		params.put("from", Timestamp.from(from));
		params.put("to", Timestamp.from(to));
		if (!all) {
			sql.append(" and a.status = 'BOOKED'");
		}
		if (roomId != null) {
			sql.append(" and a.room_id = :room");
			params.put("room", roomId);
		}
		if (staffId != null) {
			sql.append(" and exists (select 1 from scheduling.appointment_staff s"
					+ " where s.appointment_id = a.id and s.user_id = :staff)");
			params.put("staff", staffId);
		}
		sql.append(" order by a.start_at limit 5000");
		// One scope for the whole list; staff also see the appointments they are booked
		// on.
		CareTeamAccess.ClinicalScope scope = this.access.visibleScope(user);
		List<Appointment> found = this.jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> map(rs))
			.list()
			.stream()
			.filter((a) -> scope.includes(a.patientId()) || a.staffIds().contains(user.id()))
			.toList();
		this.audit.record(AuditEvent.of(AuditAction.QUERY, RESOURCE, null)
			.category(DataCategory.DEMOGRAPHICS)
			.detail("calendar " + from + ".." + to + " results=" + found.size()));
		return found;
	}

	/** The patient's appointments, newest first. */
	@Transactional(readOnly = true)
	/**
	 * The staff booked on each appointment (for the floor board: who is responsible for a
	 * chair); one query, no access check: the caller shows names of colleagues only.
	 */
	public Map<UUID, List<UUID>> staffOf(java.util.Collection<UUID> appointmentIds) {
		Map<UUID, List<UUID>> staff = new java.util.HashMap<>();
		if (appointmentIds.isEmpty()) {
			return staff;
		}
		this.jdbc.sql("select appointment_id, user_id from scheduling.appointment_staff where appointment_id = any(?)")
			.param(appointmentIds.toArray(UUID[]::new))
			.query((java.sql.ResultSet rs) -> {
				staff.computeIfAbsent(rs.getObject("appointment_id", UUID.class), (k) -> new java.util.ArrayList<>())
					.add(rs.getObject("user_id", UUID.class));
			});
		return staff;
	}

	public List<Appointment> forPatient(UUID patientId) {
		if (!this.access.canSee(this.currentUser.require(), patientId)) {
			throw new NotFoundException("Patient", patientId);
		}
		List<Appointment> found = this.jdbc
			.sql("""
					select a.*, (select array_agg(user_id) from scheduling.appointment_staff s where s.appointment_id = a.id)
					    as staff
					from scheduling.appointment a where a.patient_id = ? order by a.start_at desc limit 500""")
			.param(patientId)
			.query((rs, n) -> map(rs))
			.list();
		this.audit.record(
				AuditEvent.of(AuditAction.READ, RESOURCE, null).patient(patientId).category(DataCategory.DEMOGRAPHICS));
		return found;
	}

	private Appointment insert(AppointmentRequest request, Checked checked, Instant start, UUID seriesId,
			UUID rescheduledFrom, StaffMember user, List<UUID> ignore) {
		Duration duration = Duration.ofMinutes(request.durationMinutes());
		Room room = checked.room();
		List<UUID> staffIds = checked.staffIds();
		UUID groupId = null;
		if (checked.type() == AppointmentType.GROUP_INTEGRATION) {
			Group group = (request.groupId() != null) ? join(request.groupId()) : null;
			if (group != null) {
				// A member takes the circle's time and room; room and facilitator are
				// held once.
				start = group.start();
				duration = Duration.between(group.start(), group.end());
				room = (group.roomId() != null) ? this.resources.room(group.roomId()) : null;
				staffIds = List.of();
				groupId = group.id();
			}
			else {
				groupId = newGroup(start, duration, room, request.capacity());
			}
		}
		List<String> reasons = this.gate
			.check(new BookingGate.Booking(request.patientId(), checked.type(), checked.program(), start, duration,
					room, staffIds, checked.course(), checked.template(), request.telehealthLink() != null, ignore));
		if (!reasons.isEmpty()) {
			throw new RuleViolationException(
					"This appointment cannot be booked"
							+ ((seriesId != null)
									? " (occurrence " + start.atZone(java.time.ZoneOffset.UTC).toLocalDate() + ")" : "")
							+ ".",
					reasons);
		}
		UUID id = UUID.randomUUID();
		Timestamp from = Timestamp.from(start);
		Timestamp to = Timestamp.from(start.plus(duration));
		this.jdbc.sql("""
				insert into scheduling.appointment (id, patient_id, type, program, start_at, end_at, room_id, course_id,
				    series_id, telehealth_link, status, rescheduled_from, created_at, created_by, group_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'BOOKED', ?, ?, ?, ?)""")
			.params(id, request.patientId(), checked.type().name(), checked.program(), from, to,
					(room != null) ? room.id() : null, request.courseId(), seriesId, request.telehealthLink(),
					rescheduledFrom, Timestamp.from(Instant.now(this.clock)), user.id(), groupId)
			.update();
		hold("Patient", request.patientId(), () -> this.jdbc
			.sql("""
					insert into scheduling.patient_booking (appointment_id, patient_id, during) values (?, ?, tstzrange(?, ?))""")
			.params(id, request.patientId(), from, to)
			.update(), "The patient has another appointment at that time.");
		boolean member = groupId != null && request.groupId() != null;
		if (room != null && !member) {
			Room held = room;
			hold("Room", held.id(), () -> this.jdbc
				.sql("""
						insert into scheduling.room_booking (appointment_id, room_id, during) values (?, ?, tstzrange(?, ?))""")
				.params(id, held.id(), from, to)
				.update(), held.name() + " is booked at that time.");
		}
		for (UUID staffId : staffIds) {
			this.jdbc.sql("insert into scheduling.appointment_staff (appointment_id, user_id) values (?, ?)")
				.params(id, staffId)
				.update();
			int seat = freeSeat(staffId, from, to);
			hold("Staff", staffId, () -> this.jdbc.sql("""
					insert into scheduling.staff_booking (appointment_id, user_id, seat, during)
					values (?, ?, ?, tstzrange(?, ?))""").params(id, staffId, seat, from, to).update(),
					"A staff member is fully booked at that time.");
		}
		this.audit.record(AuditEvent.of(AuditAction.CREATE, RESOURCE, id)
			.patient(request.patientId())
			.category(DataCategory.DEMOGRAPHICS)
			.detail(checked.type() + " " + start + " " + duration.toMinutes() + " min"));
		return load(id).orElseThrow();
	}

	/** Locks the circle and checks there is a place left (409 when full). */
	private Group join(UUID groupId) {
		Group group = this.jdbc.sql("select * from scheduling.group_session where id = ? for update")
			.param(groupId)
			.query((rs, n) -> new Group(rs.getObject("id", UUID.class), rs.getTimestamp("start_at").toInstant(),
					rs.getTimestamp("end_at").toInstant(), rs.getObject("room_id", UUID.class), rs.getInt("capacity")))
			.optional()
			.orElseThrow(() -> InvalidInputException.of("groupId", "no such group session"));
		long members = this.jdbc
			.sql("select count(*) from scheduling.appointment where group_id = ? and status = 'BOOKED'")
			.param(groupId)
			.query(Long.class)
			.single();
		if (members >= group.capacity()) {
			throw new ConflictException("The group is full (" + group.capacity() + " places).", "Group", groupId);
		}
		return group;
	}

	private UUID newGroup(Instant start, Duration duration, Room room, Integer capacity) {
		int places = (capacity != null) ? capacity : DEFAULT_GROUP_CAPACITY;
		if (places < 2 || places > 30) {
			throw InvalidInputException.of("capacity", "a group has 2–30 places");
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into scheduling.group_session (id, start_at, end_at, room_id, capacity, created_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(id, Timestamp.from(start), Timestamp.from(start.plus(duration)), (room != null) ? room.id() : null,
					places, Timestamp.from(Instant.now(this.clock)))
			.update();
		return id;
	}

	private record Group(UUID id, Instant start, Instant end, UUID roomId, int capacity) {
	}

	/**
	 * The lowest seat of the staff member's capacity not taken in the interval; when all
	 * are taken, seat 1, which the constraint then refuses (409).
	 */
	private int freeSeat(UUID staffId, Timestamp from, Timestamp to) {
		int capacity = this.resources.capacity(staffId);
		Set<Integer> taken = new LinkedHashSet<>(this.jdbc.sql("""
				select seat from scheduling.staff_booking where user_id = ? and active and during && tstzrange(?, ?)""")
			.params(staffId, from, to)
			.query(Integer.class)
			.list());
		for (int seat = 1; seat <= capacity; seat++) {
			if (!taken.contains(seat)) {
				return seat;
			}
		}
		return 1;
	}

	private static void hold(String resourceType, UUID resourceId, Runnable insert, String message) {
		try {
			insert.run();
		}
		catch (DataIntegrityViolationException ex) {
			if (ex.getMostSpecificCause() instanceof PSQLException psql && "23P01".equals(psql.getSQLState())) {
				throw new ConflictException(message, resourceType, resourceId);
			}
			throw ex;
		}
	}

	private Appointment close(UUID id, AppointmentStatus status, String reason) {
		this.currentUser.require();
		Appointment appointment = forUpdate(id);
		if (!appointment.booked()) {
			throw new RuleViolationException(
					"This appointment is already " + appointment.statusLabel().toLowerCase(java.util.Locale.ROOT) + ".",
					List.of("NOT_BOOKED"));
		}
		if (!status.withdrawn() && appointment.start().isAfter(Instant.now(this.clock))) {
			throw new RuleViolationException("An appointment that has not started cannot be marked "
					+ status.label().toLowerCase(java.util.Locale.ROOT) + ".", List.of("NOT_STARTED"));
		}
		release(id, status, reason);
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, RESOURCE, id)
			.patient(appointment.patientId())
			.category(DataCategory.DEMOGRAPHICS)
			.detail(status.name() + ((reason != null) ? ": " + reason : "")));
		return load(id).orElseThrow();
	}

	/**
	 * Frees the resources (cancelled, rescheduled) or keeps the record of what happened.
	 */
	private void release(UUID id, AppointmentStatus status, String reason) {
		this.jdbc.sql("""
				update scheduling.appointment set status = ?, status_reason = ?, version = version + 1 where id = ?""")
			.params(status.name(), reason, id)
			.update();
		if (status.withdrawn()) {
			for (String table : List.of("room_booking", "patient_booking", "staff_booking")) {
				this.jdbc.sql("update scheduling." + table + " set active = false where appointment_id = ?")
					.param(id)
					.update();
			}
		}
	}

	private Appointment forUpdate(UUID id) {
		UUID patientId = this.jdbc.sql("select patient_id from scheduling.appointment where id = ? for update")
			.param(id)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> new NotFoundException(RESOURCE, id));
		if (!this.access.canSee(this.currentUser.require(), patientId)) {
			throw new NotFoundException(RESOURCE, id);
		}
		return load(id).orElseThrow();
	}

	/**
	 * A staff member's booked appointments starting in [from, to], oldest first (no
	 * access check).
	 */
	List<Appointment> forStaff(UUID userId, Instant from, Instant to) {
		return this.jdbc
			.sql("""
					select a.*, (select array_agg(user_id) from scheduling.appointment_staff s where s.appointment_id = a.id)
					    as staff
					from scheduling.appointment a
					where a.status = 'BOOKED' and a.start_at between ? and ?
					  and exists (select 1 from scheduling.appointment_staff s where s.appointment_id = a.id and s.user_id = ?)
					order by a.start_at""")
			.params(Timestamp.from(from), Timestamp.from(to), userId)
			.query((rs, n) -> map(rs))
			.list();
	}

	Optional<Appointment> load(UUID id) {
		return this.jdbc
			.sql("""
					select a.*, (select array_agg(user_id) from scheduling.appointment_staff s where s.appointment_id = a.id)
					    as staff
					from scheduling.appointment a where a.id = ?""")
			.param(id)
			.query((rs, n) -> map(rs))
			.optional();
	}

	private Checked validate(AppointmentRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		if (request.patientId() == null) {
			problems.add(new FieldProblem("patientId", "required"));
		}
		AppointmentType type = null;
		try {
			type = AppointmentType.valueOf(String.valueOf(request.type()));
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem("type", "one of " + Arrays.toString(AppointmentType.values())));
		}
		if (request.groupId() != null && type != null && type != AppointmentType.GROUP_INTEGRATION) {
			problems.add(new FieldProblem("groupId", "only a group integration circle is joined"));
		}
		if (request.start() == null) {
			problems.add(new FieldProblem("start", "required (ISO-8601 instant)"));
		}
		if (request.durationMinutes() == null || request.durationMinutes() < 10 || request.durationMinutes() > 600) {
			problems.add(new FieldProblem("durationMinutes", "10–600"));
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
		Room room = null;
		if (request.roomId() != null) {
			room = this.jdbc.sql("select * from scheduling.room where id = ? and active")
				.param(request.roomId())
				.query((rs, n) -> ClinicResources.map(rs))
				.optional()
				.orElse(null);
			if (room == null) {
				problems.add(new FieldProblem("roomId", "no such active room or chair"));
			}
		}
		else if (request.telehealthLink() == null && type != null && type != AppointmentType.CONSULTATION
				&& request.groupId() == null) {
			problems.add(new FieldProblem("roomId", "an in-person appointment needs a room or chair"));
		}
		Course course = null;
		CourseTemplate template = null;
		String program = request.program();
		if (request.courseId() != null) {
			course = this.jdbc.sql("select id from scheduling.course where id = ?")
				.param(request.courseId())
				.query(UUID.class)
				.optional()
				.map(this.courses::load)
				.orElse(null);
			if (course == null || !course.patientId().equals(request.patientId())) {
				problems.add(new FieldProblem("courseId", "not a course of this patient"));
				course = null;
			}
			else {
				if (!course.bookable()) {
					problems.add(new FieldProblem("courseId", "the course is " + course.status()));
				}
				program = course.program();
				template = this.templates.version(course.templateCode(), course.templateVersion()).orElse(null);
			}
		}
		if (program != null) {
			try {
				Program.valueOf(program);
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("program", "one of KAP, IV_INFUSION, ESKETAMINE"));
			}
		}
		int occurrences = 1;
		int everyWeeks = 0;
		if (request.repeat() != null) {
			everyWeeks = (request.repeat().everyWeeks() != null) ? request.repeat().everyWeeks() : 0;
			occurrences = (request.repeat().count() != null) ? request.repeat().count() : 0;
			if (everyWeeks < 1 || everyWeeks > 52) {
				problems.add(new FieldProblem("repeat.everyWeeks", "1–52"));
			}
			if (occurrences < 2 || occurrences > MAX_OCCURRENCES) {
				problems.add(new FieldProblem("repeat.count", "2–" + MAX_OCCURRENCES));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new Checked(type, program, room, request.staffIds(), course, template, occurrences, everyWeeks);
	}

	private static Appointment map(ResultSet rs) throws SQLException {
		java.sql.Array staff = rs.getArray("staff");
		List<UUID> staffIds = (staff != null) ? Arrays.asList((UUID[]) staff.getArray()) : List.of();
		return new Appointment(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
				rs.getString("type"), rs.getString("program"), rs.getTimestamp("start_at").toInstant(),
				rs.getTimestamp("end_at").toInstant(), rs.getObject("room_id", UUID.class), staffIds,
				rs.getObject("course_id", UUID.class), rs.getObject("series_id", UUID.class),
				rs.getString("telehealth_link"), rs.getString("status"), rs.getString("status_reason"),
				rs.getObject("rescheduled_from", UUID.class), rs.getObject("group_id", UUID.class),
				rs.getInt("version"),
				(rs.getTimestamp("arrived_at") != null) ? rs.getTimestamp("arrived_at").toInstant() : null);
	}

	private record Checked(AppointmentType type, String program, Room room, List<UUID> staffIds, Course course,
			CourseTemplate template, int occurrences, int everyWeeks) {
	}

}
