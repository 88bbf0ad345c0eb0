package org.kapclinic.scheduling;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk load of rooms and appointments for the synthetic demo clinic. It writes the same
 * rows (and resource holds) a booking writes but skips the gate, so it is for synthetic
 * data only; real bookings go through {@link Appointments}.
 */
@Service
@NamedInterface("demo")
public class SchedulingImport {

	private final JdbcTemplate jdbc;

	private final CourseTemplates templates;

	private final tools.jackson.databind.json.JsonMapper json;

	SchedulingImport(JdbcTemplate jdbc, CourseTemplates templates, tools.jackson.databind.json.JsonMapper json) {
		this.jdbc = jdbc;
		this.templates = templates;
		this.json = json;
	}

	/**
	 * A finished treatment course of the demo clinic's history: the course from its
	 * template, completed (or discontinued, with a reason), and one completed DOSING
	 * appointment in the course per session start, in the given chair. The caller keeps
	 * chairs and times from overlapping. Synthetic data only.
	 * @return the course, then its appointments in the order of {@code sessionStarts}
	 */
	@Transactional
	public PastCourse demoPastCourse(UUID patient, String templateCode, UUID therapist, String outsideTherapist,
			List<Instant> sessionStarts, int minutes, UUID chair, UUID nurse, String discontinuedBecause,
			int integrationSessions) {
		this.templates.storeShipped();
		CourseTemplate template = this.templates.current(templateCode).orElseThrow();
		List<Course.PlannedStep> plan = template.plan();
		UUID course = UUID.randomUUID();
		Timestamp created = Timestamp.from(sessionStarts.get(0).minus(Duration.ofDays(10)));
		this.jdbc.update("""
				insert into scheduling.course (id, patient_id, template_code, template_version, program, therapist_id,
				    outside_therapist, goals, status, status_reason, plan, created_at)
				values (?, ?, ?, ?, ?, ?, ?, 'Fewer depressive days (demo)', ?, ?, ?::jsonb, ?)""", course, patient,
				template.code(), template.version(), template.program(), therapist, outsideTherapist,
				(discontinuedBecause != null) ? "DISCONTINUED" : "COMPLETED", discontinuedBecause,
				this.json.writeValueAsString(plan), created);
		List<UUID> appointments = new java.util.ArrayList<>();
		for (Instant start : sessionStarts) {
			UUID id = book(patient, "DOSING", template.program(), start, minutes, chair, null, created);
			this.jdbc.update("update scheduling.appointment set course_id = ?, status = 'COMPLETED' where id = ?",
					course, id);
			this.jdbc.update("insert into scheduling.appointment_staff (appointment_id, user_id) values (?, ?)", id,
					nurse);
			appointments.add(id);
		}
		for (int i = 0; i < Math.min(integrationSessions, sessionStarts.size()); i++) {
			pastIntegration(patient, course, therapist, sessionStarts.get(i).plus(Duration.ofDays(1)), created);
		}
		return new PastCourse(course, template.program(), List.copyOf(appointments));
	}

	/** A completed 60-minute telehealth integration session the day after a dose. */
	private void pastIntegration(UUID patient, UUID course, UUID therapist, Instant start, Timestamp created) {
		UUID id = UUID.randomUUID();
		Timestamp from = Timestamp.from(start);
		Timestamp to = Timestamp.from(start.plus(Duration.ofMinutes(60)));
		this.jdbc.update("""
				insert into scheduling.appointment (id, patient_id, type, program, start_at, end_at, course_id,
				    telehealth_link, status, created_at)
				values (?, ?, 'INTEGRATION', 'KAP', ?, ?, ?, 'https://telehealth.example.test/demo', 'COMPLETED', ?)""",
				id, patient, from, to, course, created);
		this.jdbc
			.update("""
					insert into scheduling.patient_booking (appointment_id, patient_id, during) values (?, ?, tstzrange(?, ?))""",
					id, patient, from, to);
		if (therapist != null) {
			this.jdbc.update("insert into scheduling.appointment_staff (appointment_id, user_id) values (?, ?)", id,
					therapist);
		}
	}

	public record PastCourse(UUID courseId, String program, List<UUID> appointments) {
	}

	/**
	 * Four chairs (two with IV pumps), two therapy rooms, and two weeks of preparation
	 * and integration sessions for the given patients, one therapist per room.
	 */
	@Transactional
	public void demoWeeks(List<UUID> patients, List<UUID> therapists, LocalDate firstDay, ZoneId zone) {
		Timestamp now = Timestamp.from(Instant.now());
		for (int i = 1; i <= 4; i++) {
			this.jdbc.update(
					"insert into scheduling.room (id, name, kind, capabilities, created_at) values (?, ?, 'CHAIR', ?, ?)",
					UUID.randomUUID(), "Chair " + i,
					(i <= 2) ? new String[] { RoomCapability.IV_PUMP.name(), RoomCapability.PULSE_OXIMETER.name() }
							: new String[] { RoomCapability.PULSE_OXIMETER.name() },
					now);
		}
		List<UUID> rooms = List.of(UUID.randomUUID(), UUID.randomUUID());
		for (int i = 0; i < rooms.size(); i++) {
			this.jdbc.update(
					"insert into scheduling.room (id, name, kind, capabilities, created_at) values (?, ?, 'ROOM', '{}', ?)",
					rooms.get(i), "Therapy room " + (char) ('A' + i), now);
		}
		LocalDate day = firstDay;
		int k = 0;
		while (k < patients.size()) {
			if (day.getDayOfWeek().getValue() <= 5) {
				for (int hour = 9; hour <= 15 && k < patients.size(); hour += 2) {
					for (int r = 0; r < rooms.size() && k < patients.size(); r++) {
						Instant start = day.atTime(hour, 0).atZone(zone).toInstant();
						book(patients.get(k), (k % 3 == 0) ? "PREPARATION" : "INTEGRATION", start, rooms.get(r),
								therapists.get(r % therapists.size()), now);
						k++;
					}
				}
			}
			day = day.plusDays(1);
		}
	}

	/**
	 * A group integration circle in Therapy room A with its facilitator and members (the
	 * room and facilitator held once, as {@link Appointments} does for a circle).
	 */
	@Transactional
	public UUID demoCircle(List<UUID> members, UUID facilitator, Instant start, int minutes) {
		Timestamp now = Timestamp.from(Instant.now());
		Timestamp from = Timestamp.from(start);
		Timestamp to = Timestamp.from(start.plus(Duration.ofMinutes(minutes)));
		UUID room = this.jdbc.queryForObject("select id from scheduling.room where name = 'Therapy room A'",
				UUID.class);
		UUID group = UUID.randomUUID();
		this.jdbc.update("""
				insert into scheduling.group_session (id, start_at, end_at, room_id, capacity, created_at)
				values (?, ?, ?, ?, 8, ?)""", group, from, to, room, now);
		for (int i = 0; i < members.size(); i++) {
			UUID id = UUID.randomUUID();
			this.jdbc.update("""
					insert into scheduling.appointment (id, patient_id, type, start_at, end_at, room_id, status,
					    created_at, group_id)
					values (?, ?, 'GROUP_INTEGRATION', ?, ?, ?, 'BOOKED', ?, ?)""", id, members.get(i), from, to, room,
					now, group);
			this.jdbc.update("""
					insert into scheduling.patient_booking (appointment_id, patient_id, during)
					values (?, ?, tstzrange(?, ?))""", id, members.get(i), from, to);
			if (i == 0) {
				this.jdbc.update("insert into scheduling.appointment_staff (appointment_id, user_id) values (?, ?)", id,
						facilitator);
				this.jdbc.update(
						"insert into scheduling.room_booking (appointment_id, room_id, during) values (?, ?, tstzrange(?, ?))",
						id, room, from, to);
				this.jdbc.update("""
						insert into scheduling.staff_booking (appointment_id, user_id, seat, during)
						values (?, ?, 1, tstzrange(?, ?))""", id, facilitator, from, to);
			}
		}
		return group;
	}

	/**
	 * Treatment chairs for the demo floor ("Floor chair 1" …), with pump and oximeter.
	 */
	@Transactional
	public List<UUID> demoChairs(int count) {
		return demoChairs(count, "Floor chair ");
	}

	/** Chairs named {@code prefix} 1, 2, …, with pump and oximeter. */
	@Transactional
	public List<UUID> demoChairs(int count, String prefix) {
		Timestamp now = Timestamp.from(Instant.now());
		List<UUID> chairs = new java.util.ArrayList<>();
		for (int i = 1; i <= count; i++) {
			UUID id = UUID.randomUUID();
			this.jdbc.update(
					"insert into scheduling.room (id, name, kind, capabilities, created_at) values (?, ?, 'CHAIR', ?, ?)",
					id, prefix + i,
					new String[] { RoomCapability.IV_PUMP.name(), RoomCapability.PULSE_OXIMETER.name() }, now);
			chairs.add(id);
		}
		return chairs;
	}

	/**
	 * A DOSING appointment in a chair for the demo floor, with its nurse assigned (no
	 * gate, no staff seat: one demo nurse covers the whole floor; synthetic data only).
	 */
	@Transactional
	public UUID demoDosing(UUID patient, String program, Instant start, int minutes, UUID chair, UUID nurse) {
		UUID id = book(patient, "DOSING", program, start, minutes, chair, null, Timestamp.from(Instant.now()));
		this.jdbc.update("insert into scheduling.appointment_staff (appointment_id, user_id) values (?, ?)", id, nurse);
		return id;
	}

	private void book(UUID patient, String type, Instant start, UUID room, UUID staff, Timestamp now) {
		book(patient, type, null, start, 60, room, staff, now);
	}

	private UUID book(UUID patient, String type, String program, Instant start, int minutes, UUID room, UUID staff,
			Timestamp now) {
		UUID id = UUID.randomUUID();
		Timestamp from = Timestamp.from(start);
		Timestamp to = Timestamp.from(start.plus(Duration.ofMinutes(minutes)));
		this.jdbc.update("""
				insert into scheduling.appointment (id, patient_id, type, program, start_at, end_at, room_id, status,
				    created_at)
				values (?, ?, ?, ?, ?, ?, ?, 'BOOKED', ?)""", id, patient, type, program, from, to, room, now);
		if (staff != null) {
			this.jdbc.update("insert into scheduling.appointment_staff (appointment_id, user_id) values (?, ?)", id,
					staff);
		}
		this.jdbc.update("""
				insert into scheduling.room_booking (appointment_id, room_id, during) values (?, ?, tstzrange(?, ?))""",
				id, room, from, to);
		this.jdbc
			.update("""
					insert into scheduling.patient_booking (appointment_id, patient_id, during) values (?, ?, tstzrange(?, ?))""",
					id, patient, from, to);
		if (staff != null) {
			this.jdbc.update("""
					insert into scheduling.staff_booking (appointment_id, user_id, seat, during)
					values (?, ?, 1, tstzrange(?, ?))""", id, staff, from, to);
		}
		return id;
	}

}
