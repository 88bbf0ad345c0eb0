package org.kapclinic.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins for lockout: an account with {@code maxFailedAttempts} failures
 * within {@code failureWindow} since its last success (or admin reset) is locked until
 * the oldest of them leaves the window. Unknown usernames are counted the same way, so
 * answers do not reveal which accounts exist.
 */
@Component
class LoginAttempts {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final IdentitySettings settings;

	LoginAttempts(JdbcClient jdbc, Clock clock, IdentitySettings settings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings;
	}

	void recordFailure(String username) {
		insert(username, "FAILURE");
	}

	/**
	 * A failure counted even when the caller's transaction rolls back (the refusal that
	 * follows it is an exception).
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordFailureIndependently(String username) {
		insert(username, "FAILURE");
	}

	void recordSuccess(String username) {
		insert(username, "SUCCESS");
	}

	/** An administrator lifts a lock. */
	void reset(String username) {
		insert(username, "RESET");
	}

	boolean isLocked(String username) {
		Instant windowStart = Instant.now(this.clock).minus(this.settings.failureWindow());
		int failures = this.jdbc.sql("""
				select count(*) from identity.login_attempt a
				where a.username = :username and a.outcome = 'FAILURE' and a.attempted_at > :windowStart
				  and a.attempted_at > coalesce((select max(b.attempted_at) from identity.login_attempt b
				                                 where b.username = :username and b.outcome <> 'FAILURE'), '-infinity')
				""")
			.param("username", normalise(username))
			.param("windowStart", Timestamp.from(windowStart))
			.query(Integer.class)
			.single();
		return failures >= this.settings.maxFailedAttempts();
	}

	private void insert(String username, String outcome) {
		this.jdbc.sql("insert into identity.login_attempt (username, attempted_at, outcome) values (?, ?, ?)")
			.params(normalise(username), Timestamp.from(Instant.now(this.clock)), outcome)
			.update();
	}

	private static String normalise(String username) {
		String name = (username == null) ? "" : username.trim().toLowerCase(Locale.ROOT);
		return (name.length() > 64) ? name.substring(0, 64) : name;
	}

}
