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

import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The appointment's rows: the appointment, its staff, its holds on the patient, the room
 * and each staff member's seats (the database's exclusion constraints refuse a double
 * booking: 409 naming the resource), and the circles members join. No access check here:
 * {@link Appointments} checks who may see and change what.
 */
@Component
class AppointmentRows {

	private static final String SELECT = """
			select a.*, (select array_agg(user_id) from scheduling.appointment_staff s where s.appointment_id = a.id)
			    as staff
			from scheduling.appointment a""";

	/** Integration circles default to 8 places (the example). */
	private static final int DEFAULT_GROUP_CAPACITY = 8;

	private final JdbcClient jdbc;

	private final WorkingHours workingHours;

	private final Clock clock;

	AppointmentRows(JdbcClient jdbc, WorkingHours workingHours, Clock clock) {
		this.jdbc = jdbc;
		this.workingHours = workingHours;
		this.clock = clock;
	}

	Optional<Appointment> load(UUID id) {
		return this.jdbc.sql(SELECT + " where a.id = ?").param(id).query((rs, n) -> map(rs)).optional();
	}

	/** Locks the appointment row; its patient, or empty when there is no such row. */
	Optional<UUID> lockPatient(UUID id) {
		return this.jdbc.sql("select patient_id from scheduling.appointment where id = ? for update")
			.param(id)
			.query(UUID.class)
			.optional();
	}

	/** The patient's appointments, newest first (the newest 500). */
	List<Appointment> forPatient(UUID patientId) {
		return this.jdbc.sql(SELECT + " where a.patient_id = ? order by a.start_at desc limit 500")
			.param(patientId)
			.query((rs, n) -> map(rs))
			.list();
	}

	/**
	 * Appointments overlapping [from, to) (booked unless {@code all}), of a room or a
	 * staff member if given, oldest first (at most 5000).
	 */
	List<Appointment> overlapping(Instant from, Instant to, UUID roomId, UUID staffId, boolean all) {
		StringBuilder sql = new StringBuilder(SELECT + " where a.start_at < :to and a.end_at > :from");
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
		return this.jdbc.sql(sql.toString()).params(params).query((rs, n) -> map(rs)).list();
	}

	/**
	 * The staff booked on each appointment (for the floor board: who is responsible for a
	 * chair); one query, no access check: the caller shows names of colleagues only.
	 */
	Map<UUID, List<UUID>> staffOf(java.util.Collection<UUID> appointmentIds) {
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

	/**
	 * Inserts the appointment and holds the patient, the room (unless a member joins a
	 * circle, whose room is held once) and each staff member's seat.
	 */
	UUID insert(NewAppointment a) {
		UUID id = UUID.randomUUID();
		Timestamp from = Timestamp.from(a.start());
		Timestamp to = Timestamp.from(a.start().plus(a.duration()));
		this.jdbc.sql("""
				insert into scheduling.appointment (id, patient_id, type, program, start_at, end_at, room_id, course_id,
				    series_id, telehealth_link, status, rescheduled_from, created_at, created_by, group_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'BOOKED', ?, ?, ?, ?)""")
			.params(id, a.patientId(), a.type().name(), a.program(), from, to,
					(a.room() != null) ? a.room().id() : null, a.courseId(), a.seriesId(), a.telehealthLink(),
					a.rescheduledFrom(), Timestamp.from(Instant.now(this.clock)), a.createdBy(), a.groupId())
			.update();
		DoubleBooking.hold("Patient", a.patientId(), () -> this.jdbc
			.sql("""
					insert into scheduling.patient_booking (appointment_id, patient_id, during) values (?, ?, tstzrange(?, ?))""")
			.params(id, a.patientId(), from, to)
			.update(), "The patient has another appointment at that time.");
		if (a.room() != null && !a.joinsCircle()) {
			Room held = a.room();
			DoubleBooking.hold("Room", held.id(), () -> this.jdbc
				.sql("""
						insert into scheduling.room_booking (appointment_id, room_id, during) values (?, ?, tstzrange(?, ?))""")
				.params(id, held.id(), from, to)
				.update(), held.name() + " is booked at that time.");
		}
		for (UUID staffId : a.staffIds()) {
			this.jdbc.sql("insert into scheduling.appointment_staff (appointment_id, user_id) values (?, ?)")
				.params(id, staffId)
				.update();
			int seat = freeSeat(staffId, from, to);
			DoubleBooking.hold("Staff", staffId, () -> this.jdbc.sql("""
					insert into scheduling.staff_booking (appointment_id, user_id, seat, during)
					values (?, ?, ?, tstzrange(?, ?))""").params(id, staffId, seat, from, to).update(),
					"A staff member is fully booked at that time.");
		}
		return id;
	}

	/**
	 * An appointment to insert, as the rules let it through.
	 *
	 * @param groupId the circle it opens or joins (group integration only)
	 * @param joinsCircle a member joining an existing circle: its room is already held
	 */
	record NewAppointment(UUID patientId, AppointmentType type, String program, Instant start, Duration duration,
			Room room, List<UUID> staffIds, UUID courseId, UUID seriesId, String telehealthLink, UUID rescheduledFrom,
			UUID createdBy, UUID groupId, boolean joinsCircle) {
	}

	void markArrived(UUID id) {
		this.jdbc.sql("update scheduling.appointment set arrived_at = ? where id = ?")
			.params(Timestamp.from(Instant.now(this.clock)), id)
			.update();
	}

	/** Locks the circle and checks there is a place left (409 when full). */
	Group join(UUID groupId) {
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

	UUID newGroup(Instant start, Duration duration, Room room, Integer capacity) {
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

	record Group(UUID id, Instant start, Instant end, UUID roomId, int capacity) {
	}

	/**
	 * The lowest seat of the staff member's capacity not taken in the interval; when all
	 * are taken, seat 1, which the constraint then refuses (409).
	 */
	private int freeSeat(UUID staffId, Timestamp from, Timestamp to) {
		int capacity = this.workingHours.capacity(staffId);
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

	/**
	 * Frees the resources (cancelled, rescheduled) or keeps the record of what happened.
	 */
	void release(UUID id, AppointmentStatus status, String reason) {
		this.jdbc.sql("""
				update scheduling.appointment set status = ?, status_reason = ? where id = ?""")
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

	static Appointment map(ResultSet rs) throws SQLException {
		java.sql.Array staff = rs.getArray("staff");
		List<UUID> staffIds = (staff != null) ? Arrays.asList((UUID[]) staff.getArray()) : List.of();
		return new Appointment(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
				AppointmentType.valueOf(rs.getString("type")), rs.getString("program"),
				rs.getTimestamp("start_at").toInstant(), rs.getTimestamp("end_at").toInstant(),
				rs.getObject("room_id", UUID.class), staffIds, rs.getObject("course_id", UUID.class),
				rs.getObject("series_id", UUID.class), rs.getString("telehealth_link"),
				AppointmentStatus.of(rs.getString("status")), rs.getString("status_reason"),
				rs.getObject("rescheduled_from", UUID.class), rs.getObject("group_id", UUID.class),
				rs.getInt("version"),
				(rs.getTimestamp("arrived_at") != null) ? rs.getTimestamp("arrived_at").toInstant() : null,
				rs.getTimestamp("created_at").toInstant(), rs.getObject("created_by", UUID.class));
	}

}
