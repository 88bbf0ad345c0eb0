package org.kapclinic.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.shared.ClusterSignals;
import org.kapclinic.shared.Secrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opaque API bearer tokens: 256 random bits handed out once; only their SHA-256 is
 * stored, so a database dump reveals no usable token. Tokens expire and can be revoked.
 */
@Service
class ApiTokens {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final IdentitySettings settings;

	private final AuditTrail audit;

	private final Map<String, Checked> checked = new ConcurrentHashMap<>();

	/** Payload: the user whose tokens ended, or a token's hash. */
	private static final String SIGNAL = "tokens-ended";

	private final ClusterSignals signals;

	ApiTokens(JdbcClient jdbc, Clock clock, IdentitySettings settings, AuditTrail audit, ClusterSignals signals) {
		this.signals = signals;
		signals.subscribe(SIGNAL, this::forgetEverywhere);
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings;
		this.audit = audit;
	}

	/**
	 * A new token; one limited to setting up a second factor when {@code enrolmentOnly}.
	 */
	@Transactional
	IssuedToken issue(StaffMember member, boolean enrolmentOnly) {
		String token = Secrets.newToken();
		Instant now = Instant.now(this.clock);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into identity.api_token (id, user_id, token_hash, issued_at, expires_at, scope)
				values (?, ?, ?, ?, ?, ?)""")
			.params(id, member.id(), hash(token), Timestamp.from(now),
					Timestamp.from(now.plus(this.settings.tokenLifetime())), enrolmentOnly ? "MFA_ENROLMENT" : "FULL")
			.update();
		this.audit.record(AuditEvent.of(AuditAction.TOKEN_ISSUED, "ApiToken", id)
			.category(DataCategory.SECURITY)
			.actor(member.username())
			.detail(enrolmentOnly ? "limited to setting up two-factor sign-in" : null));
		return new IssuedToken(token, this.settings.tokenLifetime().toSeconds());
	}

	/**
	 * The staff member a live token belongs to; empty if unknown, expired, revoked or
	 * deactivated.
	 */
	Optional<Holder> authenticate(String token) {
		String hash = hash(token);
		long now = System.nanoTime();
		Checked known = this.checked.get(hash);
		if (known != null && now - known.validUntil() < 0) {
			return Optional.of(known.holder());
		}
		Optional<Lookup> found = lookup(hash);
		if (found.isEmpty()) {
			this.checked.remove(hash);
			return Optional.empty();
		}
		long ttl = Math.min(this.settings.tokenCacheTtl().toNanos(),
				Duration.between(Instant.now(this.clock), found.get().expiresAt()).toNanos());
		if (ttl > 0) {
			if (this.checked.size() >= MAX_CACHED) {
				this.checked.clear();
			}
			this.checked.put(hash, new Checked(found.get().holder(), now + ttl));
		}
		return Optional.of(found.get().holder());
	}

	private Optional<Lookup> lookup(String hash) {
		return this.jdbc.sql("""
				select u.id, u.username, u.display_name, t.expires_at, t.scope,
				       array_agg(r.role) filter (where r.role is not null) as roles
				from identity.api_token t
				join identity.app_user u on u.id = t.user_id
				left join identity.user_role r on r.user_id = u.id
				where t.token_hash = ? and t.revoked_at is null and t.expires_at > ? and u.active
				group by u.id, u.username, u.display_name, t.expires_at, t.scope""")
			.params(hash, Timestamp.from(Instant.now(this.clock)))
			.query((rs, n) -> {
				Set<Role> roles = EnumSet.noneOf(Role.class);
				for (String role : (String[]) rs.getArray("roles").getArray()) {
					roles.add(Role.valueOf(role));
				}
				StaffMember member = new StaffMember(rs.getObject("id", UUID.class), rs.getString("username"),
						rs.getString("display_name"), roles, true);
				return new Lookup(
						new Holder(new StaffPrincipal(member, null, false),
								"MFA_ENROLMENT".equals(rs.getString("scope")), hash),
						rs.getTimestamp("expires_at").toInstant());
			})
			.optional();
	}

	@Transactional
	boolean revoke(String token) {
		this.checked.remove(hash(token));
		this.signals.publish(SIGNAL, hash(token));
		int revoked = this.jdbc
			.sql("update identity.api_token set revoked_at = ? where token_hash = ? and revoked_at is null")
			.params(Timestamp.from(Instant.now(this.clock)), hash(token))
			.update();
		if (revoked > 0) {
			this.audit
				.record(AuditEvent.of(AuditAction.TOKEN_REVOKED, "ApiToken", null).category(DataCategory.SECURITY));
		}
		return revoked > 0;
	}

	/** Ends every live token of a user (on deactivation or password change). */
	void revokeAll(UUID userId) {
		this.checked.values().removeIf((entry) -> entry.holder().principal().userId().equals(userId));
		this.jdbc.sql("update identity.api_token set revoked_at = ? where user_id = ? and revoked_at is null")
			.params(Timestamp.from(Instant.now(this.clock)), userId)
			.update();
		this.signals.publish(SIGNAL, userId.toString());
	}

	/**
	 * Another instance (or this one) ended a user's tokens or one token: its cached
	 * checks go now, not after {@code kap.security.token-cache-ttl}.
	 */
	private void forgetEverywhere(String userOrHash) {
		if (userOrHash == null) {
			this.checked.clear();
			return;
		}
		this.checked.remove(userOrHash);
		this.checked.values().removeIf((entry) -> entry.holder().principal().userId().toString().equals(userOrHash));
	}

	static String hash(String token) {
		return Secrets.sha256Hex(token);
	}

	private static final int MAX_CACHED = 10_000;

	/**
	 * The staff member behind a live token; whether the token only reaches the
	 * second-factor set-up; the token's hash (which identifies it without holding it).
	 */
	record Holder(StaffPrincipal principal, boolean enrolmentOnly, String tokenHash) {
	}

	/**
	 * Whether this token presented this step-up code's time step before (it may again
	 * while the code is current); records the step when {@code record} is set.
	 */
	boolean presentedStepUp(String tokenHash, long step) {
		return this.jdbc.sql("select step_up_step = ? from identity.api_token where token_hash = ?")
			.params(step, tokenHash)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	void recordStepUp(String tokenHash, long step) {
		this.jdbc.sql("update identity.api_token set step_up_step = ? where token_hash = ?")
			.params(step, tokenHash)
			.update();
	}

	private record Checked(Holder holder, long validUntil) {
	}

	private record Lookup(Holder holder, Instant expiresAt) {
	}

	record IssuedToken(String accessToken, long expiresInSeconds) {
	}

}
