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

	/** When and for how many a circle meets. */
	public record GroupSession(UUID id, Instant start, Instant end, int capacity) {
	}

	/** One member's appointment in a circle. */
	public record Member(UUID appointmentId, UUID patientId, String appointmentStatus) {
	}

}
