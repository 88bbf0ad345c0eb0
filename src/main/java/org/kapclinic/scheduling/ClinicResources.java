package org.kapclinic.scheduling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.Role;
import org.kapclinic.identity.UserDirectory;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What can be booked and when: rooms and chairs, clinic hours and holidays (staff hours,
 * capacity and time off: {@link WorkingHours}). Administrators change them; all staff
 * read them.
 */
@Service
@Transactional
public class ClinicResources {

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final UserDirectory directory;

	private final AuditTrail audit;

	private final Clock clock;

	ClinicResources(JdbcClient jdbc, CurrentUser currentUser, UserDirectory directory, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	public Room createRoom(String name, String kind, List<String> capabilities) {
		requireAdmin();
		List<FieldProblem> problems = new ArrayList<>();
		if (name == null || name.isBlank() || name.length() > 80) {
			problems.add(new FieldProblem("name", "1–80 characters"));
		}
		Optional<RoomKind> roomKind = RoomKind.parse(kind);
		if (roomKind.isEmpty()) {
			problems.add(new FieldProblem("kind", "must be " + RoomKind.choices()));
		}
		List<String> caps = new ArrayList<>();
		for (String text : (capabilities != null) ? capabilities : List.<String>of()) {
			if (text == null || text.isBlank()) {
				continue;
			}
			Optional<RoomCapability> capability = RoomCapability.parse(text);
			if (capability.isEmpty()) {
				problems
					.add(new FieldProblem("capabilities", "\"" + ((text.length() > 60) ? text.substring(0, 60) : text)
							+ "\" is not equipment we know: one of " + RoomCapability.choices()));
			}
			else if (!caps.contains(capability.get().name())) {
				caps.add(capability.get().name());
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		UUID id = UUID.randomUUID();
		try {
			this.jdbc.sql("""
					insert into scheduling.room (id, name, kind, capabilities, created_at) values (?, ?, ?, ?, ?)""")
				.params(id, name.trim(), roomKind.get().name(), caps.toArray(String[]::new),
						Timestamp.from(Instant.now(this.clock)))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw InvalidInputException.of("name", "a room or chair with this name exists");
		}
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "Room", id)
			.category(DataCategory.ADMINISTRATION)
			.detail(roomKind.get().name() + " " + name.trim() + " " + caps));
		return room(id);
	}

	@Transactional(readOnly = true)
	public List<Room> rooms() {
		this.currentUser.require();
		return this.jdbc.sql("select * from scheduling.room where active order by kind, name")
			.query((rs, n) -> map(rs))
			.list();
	}

	/**
	 * Names of all rooms and chairs, for labels (no signed-in user needed: feeds, mails).
	 */
	@Transactional(readOnly = true)
	public java.util.Map<UUID, String> names() {
		java.util.Map<UUID, String> names = new java.util.HashMap<>();
		this.jdbc.sql("select id, name from scheduling.room")
			.query((rs, n) -> names.put(rs.getObject("id", UUID.class), rs.getString("name")))
			.list();
		return names;
	}

	@Transactional(readOnly = true)
	public Room room(UUID id) {
		return this.jdbc.sql("select * from scheduling.room where id = ?")
			.param(id)
			.query((rs, n) -> map(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("Room", id));
	}

	/** Opening hours per ISO weekday ({open, close}); empty when none are set. */
	public java.util.Map<Integer, java.time.LocalTime[]> clinicHours() {
		java.util.Map<Integer, java.time.LocalTime[]> hours = new java.util.HashMap<>();
		this.jdbc.sql("select weekday, open_time, close_time from scheduling.clinic_hours")
			.query((java.sql.ResultSet rs) -> {
				hours.merge(rs.getInt("weekday"),
						new java.time.LocalTime[] { rs.getObject("open_time", java.time.LocalTime.class),
								rs.getObject("close_time", java.time.LocalTime.class) },
						(a, b) -> new java.time.LocalTime[] { a[0].isBefore(b[0]) ? a[0] : b[0],
								a[1].isAfter(b[1]) ? a[1] : b[1] });
			});
		return hours;
	}

	/** Holidays from {@code from} on, in date order. */
	@Transactional(readOnly = true)
	public List<Holiday> holidays(LocalDate from) {
		return this.jdbc.sql("select day, name from scheduling.holiday where day >= ? order by day")
			.param(from)
			.query((rs, n) -> new Holiday(rs.getObject("day", LocalDate.class), rs.getString("name")))
			.list();
	}

	/** A day the clinic is closed. */
	public record Holiday(LocalDate day, String name) {
	}

	/**
	 * Takes a room or chair out of use (never deleted: past appointments keep it).
	 * Refused while appointments are booked in it from now on: move them first.
	 */
	public void deactivateRoom(UUID id) {
		requireAdmin();
		Room room = room(id);
		long booked = this.jdbc.sql("""
				select count(*) from scheduling.appointment where room_id = ? and status = 'BOOKED' and end_at > ?""")
			.params(id, Timestamp.from(Instant.now(this.clock)))
			.query(Long.class)
			.single();
		if (booked > 0) {
			throw new org.kapclinic.shared.RuleViolationException(room.name() + " still has bookings.",
					List.of("ROOM_IN_USE: " + booked + " booked appointment(s) from now on; move them first"));
		}
		this.jdbc.sql("update scheduling.room set active = false where id = ?").param(id).update();
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "Room", id)
			.category(DataCategory.ADMINISTRATION)
			.detail("deactivated " + room.name()));
	}

	public void setClinicHours(List<StaffHours.Shift> hours) {
		requireAdmin();
		Set<Integer> days = new HashSet<>();
		for (int i = 0; i < hours.size(); i++) {
			StaffHours.Shift day = hours.get(i);
			if (day.weekday() < 1 || day.weekday() > 7 || day.start() == null || day.end() == null
					|| !day.end().isAfter(day.start()) || !days.add(day.weekday())) {
				throw InvalidInputException.of("hours[" + i + "]", "one range per weekday 1–7, open before close");
			}
		}
		this.jdbc.sql("delete from scheduling.clinic_hours").update();
		for (StaffHours.Shift day : hours) {
			this.jdbc.sql("insert into scheduling.clinic_hours (weekday, open_time, close_time) values (?, ?, ?)")
				.params(day.weekday(), day.start(), day.end())
				.update();
		}
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "ClinicHours", null)
			.category(DataCategory.ADMINISTRATION)
			.detail(hours.size() + " days open"));
	}

	public void addHoliday(LocalDate day, String name) {
		requireAdmin();
		if (day == null || name == null || name.isBlank()) {
			throw InvalidInputException.of("day", "a holiday needs a day and a name");
		}
		this.jdbc
			.sql("insert into scheduling.holiday (day, name) values (?, ?) on conflict (day) do update set name = ?")
			.params(day, name.trim(), name.trim())
			.update();
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "Holiday", day).category(DataCategory.ADMINISTRATION));
	}

	void requireAdmin() {
		if (!this.currentUser.require().has(Role.ADMIN)) {
			throw new AccessDeniedException("Only administrators change rooms, hours and holidays");
		}
	}

	static Room map(ResultSet rs) throws SQLException {
		return new Room(rs.getObject("id", UUID.class), rs.getString("name"), RoomKind.valueOf(rs.getString("kind")),
				List.of((String[]) rs.getArray("capabilities").getArray()), rs.getBoolean("active"),
				List.of((String[]) rs.getArray("unrecognised_capabilities").getArray()));
	}

}
