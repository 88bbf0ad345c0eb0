package org.kapclinic.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Counts failed sign-ins (passwords, second-factor codes, witnesses' passwords) for
 * lockout, per account and per address (issue 16 finding 6):
 * <ul>
 * <li>an account is locked for an address once {@code maxFailedAttempts} failures came
 * from that address within {@code failureWindow} since the account's last success (or an
 * administrator's reset): a stranger who guesses the administrator's password locks it
 * for themselves, not for the clinic's desks;</li>
 * <li>an account is locked everywhere once failures from all addresses together reach
 * {@code maxFailedAttemptsPerAccount} (a guess spread over many addresses);</li>
 * <li>an address is throttled for every account once {@code maxFailedAttemptsPerAddress}
 * failures came from it within the window (one machine trying many accounts).</li>
 * </ul>
 * Unknown usernames are counted the same way, so answers do not reveal which accounts
 * exist. The address is the client's as the trusted proxies report it
 * ({@code kap.security.trusted-proxies}). The patient portal counts its sign-ins here
 * too, as {@code portal:<e-mail>}, so one machine guessing at either door is throttled at
 * both.
 */
@Component
public class LoginAttempts {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final IdentitySettings settings;

	LoginAttempts(JdbcClient jdbc, Clock clock, IdentitySettings settings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings;
	}

	public void recordFailure(String username) {
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

	public void recordSuccess(String username) {
		insert(username, "SUCCESS");
	}

	/** An administrator lifts a lock. */
	void reset(String username) {
		insert(username, "RESET");
	}

	/** Whether a sign-in as this user from the current request's address is refused. */
	public boolean isLocked(String username) {
		String address = currentAddress();
		Counts counts = counts(username, address);
		return counts.fromAddress() >= this.settings.maxFailedAttempts()
				|| counts.everywhere() >= this.settings.maxFailedAttemptsPerAccount()
				|| (address != null && counts.addressOverall() >= this.settings.maxFailedAttemptsPerAddress());
	}

	/**
	 * Whether the account is locked from any address (what an administrator sees on the
	 * users page, and lifts with a reset).
	 */
	boolean isLockedAnywhere(String username) {
		Counts counts = counts(username, null);
		return counts.fromAddress() >= this.settings.maxFailedAttempts()
				|| counts.everywhere() >= this.settings.maxFailedAttemptsPerAccount();
	}

	/**
	 * Failures since the account's last success or reset: from this address (or, without
	 * one, from the address with most), from everywhere; and this address's failures on
	 * any account.
	 */
	private Counts counts(String username, String address) {
		Instant windowStart = Instant.now(this.clock).minus(this.settings.failureWindow());
		return this.jdbc
			.sql("""
					with since as (
					    select greatest(:windowStart, coalesce((select max(b.attempted_at) from identity.login_attempt b
					                                           where b.username = :username and b.outcome <> 'FAILURE'),
					                                          '-infinity')) as at),
					     failures as (
					    select a.address from identity.login_attempt a, since
					    where a.username = :username and a.outcome = 'FAILURE' and a.attempted_at > since.at)
					select coalesce((select count(*) from failures where address is not distinct from cast(:address as text)), 0)
					           as from_address,
					       coalesce((select max(n) from (select count(*) as n from failures group by address) per), 0)
					           as busiest,
					       (select count(*) from failures) as everywhere,
					       (select count(*) from identity.login_attempt c
					        where cast(:address as text) is not null and c.address = cast(:address as text) and c.outcome = 'FAILURE'
					          and c.attempted_at > :windowStart) as address_overall""")
			.param("username", normalise(username))
			.param("address", address)
			.param("windowStart", Timestamp.from(windowStart))
			.query((rs, n) -> new Counts((address != null) ? rs.getInt("from_address") : rs.getInt("busiest"),
					rs.getInt("everywhere"), rs.getInt("address_overall")))
			.single();
	}

	private record Counts(int fromAddress, int everywhere, int addressOverall) {
	}

	private void insert(String username, String outcome) {
		this.jdbc
			.sql("insert into identity.login_attempt (username, attempted_at, outcome, address) values (?, ?, ?, ?)")
			.params(normalise(username), Timestamp.from(Instant.now(this.clock)), outcome, currentAddress())
			.update();
	}

	/** The client's address for this request (null outside a request). */
	private static String currentAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			String address = attributes.getRequest().getRemoteAddr();
			return (address == null) ? null : (address.length() > 64 ? address.substring(0, 64) : address);
		}
		return null;
	}

	private static String normalise(String username) {
		String name = (username == null) ? "" : username.trim().toLowerCase(Locale.ROOT);
		return (name.length() > 64) ? name.substring(0, 64) : name;
	}

}
