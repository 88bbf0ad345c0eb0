package org.kapclinic.scheduling;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.identity.UserDirectory;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the next free slots: "N slots for a 2-hour dosing session with a nurse and an IV
 * chair between these dates". Reads the window's bookings, hours and time off once, then
 * walks the clinic's open hours in steps ({@code kap.scheduling.slot-step}) in memory, so
 * a month of a 20-chair clinic is one pass. A slot found here can still be taken before
 * it is booked: booking is where the database decides.
 */
@Service
@Transactional(readOnly = true)
class Availability {

	private static final Duration MAX_WINDOW = Duration.ofDays(62);

	private final JdbcClient jdbc;

	private final UserDirectory directory;

	private final CurrentUser currentUser;

	private final ClinicResources resources;

	private final SchedulingSettings settings;

	private final ClinicTime clinicTime;

	Availability(JdbcClient jdbc, UserDirectory directory, CurrentUser currentUser, ClinicResources resources,
			SchedulingSettings settings, ClinicTime clinicTime) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.currentUser = currentUser;
		this.resources = resources;
		this.settings = settings;
		this.clinicTime = clinicTime;
	}

	/**
	 * @param roles one staff member of each role (default: a nurse for dosing, none
	 * otherwise)
	 * @param needs capabilities the room or chair must have
	 */
	public List<Slot> find(AppointmentType type, Instant from, Instant to, int durationMinutes, List<String> needs,
			List<Role> roles, List<UUID> staffIds, int limit) {
		this.currentUser.require();
		if (from == null || to == null || !to.isAfter(from) || Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
			throw InvalidInputException.of("to", "a window from < to of at most 62 days");
		}
		if (durationMinutes < 10 || durationMinutes > 600) {
			throw InvalidInputException.of("durationMinutes", "10–600");
		}
		List<Role> wanted = (roles != null && !roles.isEmpty()) ? roles
				: (type == AppointmentType.DOSING) ? List.of(Role.NURSE) : List.of();
		RoomKind kind = (type == AppointmentType.DOSING) ? RoomKind.CHAIR : null;
		List<Room> rooms = this.resources.rooms()
			.stream()
			.filter((room) -> kind == null || room.kind() == kind)
			.filter((room) -> room.has(needs))
			.toList();
		// Each requirement is filled by one of its candidates: one per role, or each
		// named person.
		List<List<StaffMember>> needed = new ArrayList<>();
		if (staffIds != null && !staffIds.isEmpty()) {
			this.directory.findAllCurrent(staffIds).values().forEach((member) -> needed.add(List.of(member)));
		}
		else {
			wanted.forEach((role) -> needed.add(this.directory.activeWithAnyRole(List.of(role))));
		}
		Window window = load(from, to, rooms, needed);
		ZoneId zone = this.clinicTime.timeZone();
		Duration duration = Duration.ofMinutes(durationMinutes);
		Duration step = this.settings.slotStep();
		List<Slot> slots = new ArrayList<>();
		LocalDate day = from.atZone(zone).toLocalDate();
		LocalDate last = to.atZone(zone).toLocalDate();
		while (!day.isAfter(last) && slots.size() < limit) {
			if (!window.holidays().contains(day)) {
				LocalTime[] open = window.clinicHours().isEmpty()
						? new LocalTime[] { LocalTime.of(7, 0), LocalTime.of(21, 0) }
						: window.clinicHours().get(day.getDayOfWeek().getValue());
				if (open != null) {
					ZonedDateTime cursor = day.atTime(open[0]).atZone(zone);
					ZonedDateTime close = day.atTime(open[1]).atZone(zone);
					while (!cursor.plus(duration).isAfter(close) && slots.size() < limit) {
						Instant start = cursor.toInstant();
						Instant end = start.plus(duration);
						if (!start.isBefore(from) && !end.isAfter(to)) {
							slot(window, rooms, needed, start, end, zone).ifPresent(slots::add);
						}
						cursor = cursor.plus(step);
					}
				}
			}
			day = day.plusDays(1);
		}
		return slots;
	}

	private java.util.Optional<Slot> slot(Window window, List<Room> rooms, List<List<StaffMember>> needed,
			Instant start, Instant end, ZoneId zone) {
		Room free = null;
		for (Room room : rooms) {
			if (window.roomBusy().overlapping(room.id(), start, end) == 0) {
				free = room;
				break;
			}
		}
		if (free == null) {
			return java.util.Optional.empty();
		}
		List<UUID> chosen = new ArrayList<>();
		for (List<StaffMember> candidates : needed) {
			UUID found = null;
			for (StaffMember member : candidates) {
				if (!chosen.contains(member.id()) && available(window, member.id(), start, end, zone)) {
					found = member.id();
					break;
				}
			}
			if (found == null) {
				return java.util.Optional.empty();
			}
			chosen.add(found);
		}
		return java.util.Optional.of(new Slot(start, end, free.id(), List.copyOf(chosen)));
	}

	private boolean available(Window window, UUID userId, Instant start, Instant end, ZoneId zone) {
		List<StaffHours.Shift> shifts = window.staffHours().get(userId);
		if (shifts != null) {
			ZonedDateTime s = start.atZone(zone);
			ZonedDateTime e = end.atZone(zone);
			int weekday = s.getDayOfWeek().getValue();
			boolean inShift = shifts.stream()
				.anyMatch((shift) -> shift.weekday() == weekday && !s.toLocalTime().isBefore(shift.start())
						&& !e.toLocalTime().isAfter(shift.end()) && s.toLocalDate().equals(e.toLocalDate()));
			if (!inShift) {
				return false;
			}
		}
		if (window.timeOff().overlapping(userId, start, end) > 0) {
			return false;
		}
		return window.staffBusy().overlapping(userId, start, end) < window.capacity().getOrDefault(userId, 1);
	}

	private Window load(Instant from, Instant to, List<Room> rooms, List<List<StaffMember>> needed) {
		Timestamp f = Timestamp.from(from);
		Timestamp t = Timestamp.from(to);
		BusyIndex roomBusy = busy("""
				select room_id as owner, lower(during) as s, upper(during) as e from scheduling.room_booking
				where active and during && tstzrange(?, ?) and room_id = any(?)""", f, t,
				rooms.stream().map(Room::id).toArray(UUID[]::new));
		UUID[] staffIds = needed.stream().flatMap(List::stream).map(StaffMember::id).distinct().toArray(UUID[]::new);
		BusyIndex staffBusy = busy("""
				select user_id as owner, lower(during) as s, upper(during) as e from scheduling.staff_booking
				where active and during && tstzrange(?, ?) and user_id = any(?)""", f, t, staffIds);
		BusyIndex timeOff = busy("""
				select user_id as owner, lower(during) as s, upper(during) as e from scheduling.time_off
				where during && tstzrange(?, ?) and user_id = any(?)""", f, t, staffIds);
		Map<UUID, List<StaffHours.Shift>> staffHours = new HashMap<>();
		this.jdbc
			.sql("select user_id, weekday, start_time, end_time from scheduling.staff_hours where user_id = any(?)")
			.param(staffIds)
			.query((rs, n) -> staffHours.computeIfAbsent(rs.getObject("user_id", UUID.class), (k) -> new ArrayList<>())
				.add(new StaffHours.Shift(rs.getInt("weekday"), rs.getObject("start_time", LocalTime.class),
						rs.getObject("end_time", LocalTime.class))))
			.list();
		Map<UUID, Integer> capacity = new HashMap<>();
		this.jdbc.sql("select user_id, capacity from scheduling.staff_capacity where user_id = any(?)")
			.param(staffIds)
			.query((rs, n) -> capacity.put(rs.getObject("user_id", UUID.class), rs.getInt("capacity")))
			.list();
		Map<Integer, LocalTime[]> clinicHours = new HashMap<>();
		this.jdbc.sql("select weekday, open_time, close_time from scheduling.clinic_hours")
			.query((rs, n) -> clinicHours.put(rs.getInt("weekday"),
					new LocalTime[] { rs.getObject("open_time", LocalTime.class),
							rs.getObject("close_time", LocalTime.class) }))
			.list();
		Set<LocalDate> holidays = new HashSet<>(
				this.jdbc.sql("select day from scheduling.holiday where day between ? and ?")
					.params(from.atZone(this.clinicTime.timeZone()).toLocalDate(),
							to.atZone(this.clinicTime.timeZone()).toLocalDate())
					.query(LocalDate.class)
					.list());
		return new Window(roomBusy, staffBusy, timeOff, staffHours, capacity, clinicHours, holidays);
	}

	/** The intervals a query returns ({@code owner}, {@code s}, {@code e}), by owner. */
	private BusyIndex busy(String sql, Object... params) {
		BusyIndex index = new BusyIndex();
		this.jdbc.sql(sql).params(params).query((rs, n) -> {
			index.add(rs.getObject("owner", UUID.class), rs.getTimestamp("s").toInstant(),
					rs.getTimestamp("e").toInstant());
			return null;
		}).list();
		return index;
	}

	private record Window(BusyIndex roomBusy, BusyIndex staffBusy, BusyIndex timeOff,
			Map<UUID, List<StaffHours.Shift>> staffHours, Map<UUID, Integer> capacity,
			Map<Integer, LocalTime[]> clinicHours, Set<LocalDate> holidays) {
	}

}
