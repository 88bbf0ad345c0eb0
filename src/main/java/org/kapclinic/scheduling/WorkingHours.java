package org.kapclinic.scheduling;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.identity.UserDirectory;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When each staff member can be booked: weekly hours, how many appointments they take at
 * once (a nurse watching several chairs), and time off. Administrators change them; all
 * staff read them.
 */
@Service
@Transactional
class WorkingHours {

	private final JdbcClient jdbc;

	private final ClinicResources resources;

	private final UserDirectory directory;

	private final AuditTrail audit;

	WorkingHours(JdbcClient jdbc, ClinicResources resources, UserDirectory directory, AuditTrail audit) {
		this.jdbc = jdbc;
		this.resources = resources;
		this.directory = directory;
		this.audit = audit;
	}

	/** Replaces a staff member's weekly hours and concurrent capacity. */
	public StaffHours setHours(UUID userId, StaffHours hours) {
		this.resources.requireAdmin();
		StaffMember member = this.directory.find(userId).orElseThrow(() -> new NotFoundException("User", userId));
		List<FieldProblem> problems = new ArrayList<>();
		if (hours.capacity() < 1 || hours.capacity() > 8) {
			problems.add(new FieldProblem("capacity", "1–8 concurrent appointments"));
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < hours.hours().size(); i++) {
			StaffHours.Shift shift = hours.hours().get(i);
			if (shift.weekday() < 1 || shift.weekday() > 7 || shift.start() == null || shift.end() == null
					|| !shift.end().isAfter(shift.start())) {
				problems.add(new FieldProblem("hours[" + i + "]", "weekday 1–7 (Monday = 1), start before end"));
			}
			else if (!seen.add(shift.weekday() + "@" + shift.start())) {
				problems.add(new FieldProblem("hours[" + i + "]", "duplicate shift"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		this.jdbc.sql("delete from scheduling.staff_hours where user_id = ?").param(userId).update();
		for (StaffHours.Shift shift : hours.hours()) {
			this.jdbc.sql("""
					insert into scheduling.staff_hours (user_id, weekday, start_time, end_time) values (?, ?, ?, ?)""")
				.params(userId, shift.weekday(), shift.start(), shift.end())
				.update();
		}
		this.jdbc.sql("""
				insert into scheduling.staff_capacity (user_id, capacity) values (?, ?)
				on conflict (user_id) do update set capacity = excluded.capacity""")
			.params(userId, hours.capacity())
			.update();
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "StaffHours", userId)
			.category(DataCategory.ADMINISTRATION)
			.detail(member.username() + " capacity=" + hours.capacity() + " shifts=" + hours.hours().size()));
		return hours(userId);
	}

	@Transactional(readOnly = true)
	public StaffHours hours(UUID userId) {
		List<StaffHours.Shift> shifts = this.jdbc
			.sql("select * from scheduling.staff_hours where user_id = ? order by weekday, start_time")
			.param(userId)
			.query((rs, n) -> new StaffHours.Shift(rs.getInt("weekday"), rs.getObject("start_time", LocalTime.class),
					rs.getObject("end_time", LocalTime.class)))
			.list();
		return new StaffHours(capacity(userId), shifts);
	}

	int capacity(UUID userId) {
		return this.jdbc.sql("select capacity from scheduling.staff_capacity where user_id = ?")
			.param(userId)
			.query(Integer.class)
			.optional()
			.orElse(1);
	}

	public UUID addTimeOff(UUID userId, Instant from, Instant to, String reason) {
		this.resources.requireAdmin();
		this.directory.find(userId).orElseThrow(() -> new NotFoundException("User", userId));
		if (from == null || to == null || !to.isAfter(from)) {
			throw InvalidInputException.of("to", "time off needs from and to, from before to");
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("insert into scheduling.time_off (id, user_id, during, reason) values (?, ?, tstzrange(?, ?), ?)")
			.params(id, userId, Timestamp.from(from), Timestamp.from(to), reason)
			.update();
		this.audit.record(
				AuditEvent.of(AuditAction.CREATE, "TimeOff", id).category(DataCategory.ADMINISTRATION).detail(reason));
		return id;
	}

	/** A staff member's time off from {@code from} on. */
	@Transactional(readOnly = true)
	public List<TimeOff> timeOff(UUID userId, Instant from) {
		return this.jdbc.sql("""
				select id, lower(during) as starts, upper(during) as ends, reason from scheduling.time_off
				where user_id = ? and upper(during) > ? order by lower(during)""")
			.params(userId, Timestamp.from(from))
			.query((rs, n) -> new TimeOff(rs.getObject("id", UUID.class), rs.getTimestamp("starts").toInstant(),
					rs.getTimestamp("ends").toInstant(), rs.getString("reason")))
			.list();
	}

	public record TimeOff(UUID id, Instant from, Instant to, String reason) {
	}

}
