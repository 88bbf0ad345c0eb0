package org.kapclinic.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only view of a group integration circle for other modules (notes): when it meets
 * and whose appointments belong to it. No access check and no audit row here: the caller
 * applies its own rule to each member before showing anything.
 */
@Service
@Transactional(readOnly = true)
public class GroupSessions {

	private final JdbcClient jdbc;

	GroupSessions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<GroupSession> find(UUID groupId) {
		return this.jdbc.sql("select * from scheduling.group_session where id = ?")
			.param(groupId)
			.query((rs, n) -> new GroupSession(rs.getObject("id", UUID.class), rs.getTimestamp("start_at").toInstant(),
					rs.getTimestamp("end_at").toInstant(), rs.getInt("capacity")))
			.optional();
	}

	/**
	 * The members' appointments (booked, completed or no-show; cancelled ones left out).
	 */
	public List<Member> members(UUID groupId) {
		return this.jdbc.sql("""
				select id, patient_id, status from scheduling.appointment
				where group_id = ? and status <> 'CANCELLED' and status <> 'RESCHEDULED' order by created_at""")
			.param(groupId)
			.query((rs, n) -> new Member(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
					rs.getString("status")))
			.list();
	}

	/**
	 * The circles meeting in {@code [from, to)}, earliest first, with their room's name
	 * and how many places are taken (the circles list and the booking form's "join a
	 * circle").
	 */
	public List<Summary> between(Instant from, Instant to) {
		return this.jdbc.sql(SUMMARY + " where g.start_at >= ? and g.start_at < ? order by g.start_at limit 500")
			.params(java.sql.Timestamp.from(from), java.sql.Timestamp.from(to))
			.query((rs, n) -> summary(rs))
			.list();
	}

	/** One circle with its room's name and places taken. */
	public Optional<Summary> summary(UUID groupId) {
		return this.jdbc.sql(SUMMARY + " where g.id = ?").param(groupId).query((rs, n) -> summary(rs)).optional();
	}

	private static final String SUMMARY = """
			select g.id, g.start_at, g.end_at, g.capacity, r.name as room_name,
			    (select count(*) from scheduling.appointment a
			     where a.group_id = g.id and a.status not in ('CANCELLED', 'RESCHEDULED')) as members
			from scheduling.group_session g left join scheduling.room r on r.id = g.room_id""";

	private static Summary summary(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Summary(rs.getObject("id", UUID.class), rs.getTimestamp("start_at").toInstant(),
				rs.getTimestamp("end_at").toInstant(), rs.getString("room_name"), rs.getInt("capacity"),
				rs.getInt("members"));
	}

	/** When and for how many a circle meets. */
	public record GroupSession(UUID id, Instant start, Instant end, int capacity) {
	}

	/** A circle as lists show it: when, where, places taken of its capacity. */
	public record Summary(UUID id, Instant start, Instant end, String roomName, int capacity, int members) {

		public int placesLeft() {
			return Math.max(0, this.capacity - this.members);
		}

	}

	/** One member's appointment in a circle. */
	public record Member(UUID appointmentId, UUID patientId, String appointmentStatus) {
	}

}
