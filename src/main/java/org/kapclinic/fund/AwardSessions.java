package org.kapclinic.fund;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.kapclinic.fund.FundAwards.FundedSession;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.RuleViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The sessions an award of sessions has paid for (issue 20: "an award is an amount or a
 * number of sessions for a course"). A session is counted once, however many payments its
 * invoice takes; the caller holds the award's row lock, so two payments at once cannot
 * count past the number awarded.
 */
@Component
class AwardSessions {

	private final JdbcClient jdbc;

	AwardSessions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Counts the invoice's sessions of the award's course against it, or refuses with
	 * nothing written.
	 */
	void count(UUID awardId, int awarded, UUID courseId, List<FundedSession> invoiced, UUID paymentId, Instant at) {
		Set<UUID> ofCourse = new HashSet<>();
		invoiced.stream().filter((s) -> courseId.equals(s.courseId())).forEach((s) -> ofCourse.add(s.sessionId()));
		if (ofCourse.isEmpty()) {
			throw new RuleViolationException(
					"This award pays for sessions of one course, and this invoice bills "
							+ "none of them: pay it another way, or invoice the course's sessions.",
					List.of("NO_AWARDED_SESSION"));
		}
		List<UUID> counted = this.jdbc.sql("select session_id from fund.award_session where application_id = ?")
			.param(awardId)
			.query(UUID.class)
			.list();
		ofCourse.removeAll(counted);
		int left = awarded - counted.size();
		if (ofCourse.size() > left) {
			throw new ConflictException(left + " of the " + awarded + " awarded sessions "
					+ ((left == 1) ? "is" : "are") + " left and this invoice bills " + ofCourse.size()
					+ " more: invoice per visit, and pay the rest another way.", "FundAward", awardId)
				.with("code", "INSUFFICIENT_AWARD")
				.with("sessionsLeft", left);
		}
		for (UUID session : ofCourse) {
			this.jdbc.sql("""
					insert into fund.award_session (application_id, session_id, payment_id, at)
					values (?, ?, ?, ?)""").params(awardId, session, paymentId, Timestamp.from(at)).update();
		}
	}

}
