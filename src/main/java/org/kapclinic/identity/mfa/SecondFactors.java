package org.kapclinic.identity.mfa;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import org.apache.commons.codec.binary.Base32;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.shared.Secrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff members' second factors (issue 16 finding 2): a TOTP secret that counts only once
 * an app has shown a code for it, and ten one-time recovery codes. Every code is taken
 * once: a TOTP code's time step must be later than the last one accepted, and a recovery
 * code is marked used in the same statement that accepts it, so two requests racing with
 * one code cannot both pass.
 */
@Service
public class SecondFactors {

	static final String ISSUER = "KAP Clinic";

	static final int RECOVERY_CODES = 10;

	/** A TOTP secret in use or a passkey not removed, for {@code :user}. */
	private static final String HAS_SECOND_FACTOR = """
			(exists (select 1 from identity.totp_credential t where t.user_id = :user and t.secret is not null)
			 or exists (select 1 from identity.passkey p where p.user_id = :user and p.removed_at is null))""";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditTrail audit;

	private final SecretSealing sealing;

	SecondFactors(JdbcClient jdbc, Clock clock, AuditTrail audit, SecretSealing sealing) {
		this.sealing = sealing;
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
	}

	/** A secret waiting for its first code: as text and as the QR code's URI. */
	public record Enrolment(String secret, String otpauthUri) implements java.io.Serializable {

		/** The QR code of the URI, as an SVG {@code data:} URI for an image. */
		public String qrCode() {
			return QrCodeSvg.dataUri(this.otpauthUri);
		}

	}

	/** Which kind of code was accepted, and for TOTP its time step. */
	public record Accepted(boolean recoveryCode, long step) {
	}

	/** Since when an app is set up (null: none), and how many recovery codes are left. */
	public record Status(Instant since, int recoveryCodesLeft) {
	}

	public Status status(UUID userId) {
		return this.jdbc
			.sql("""
					select (select confirmed_at from identity.totp_credential where user_id = :user) as since,
					       (select count(*) from identity.recovery_code where user_id = :user and used_at is null) as left_""")
			.param("user", userId)
			.query((rs, n) -> new Status(
					(rs.getTimestamp("since") != null) ? rs.getTimestamp("since").toInstant() : null,
					rs.getInt("left_")))
			.single();
	}

	/** Whether the user has a second factor: a confirmed TOTP secret or a passkey. */
	public boolean enrolled(UUID userId) {
		return this.jdbc.sql("select " + HAS_SECOND_FACTOR).param("user", userId).query(Boolean.class).single();
	}

	/**
	 * A new secret for the user, waiting for its first code; a secret already in use
	 * keeps working until the new one is confirmed. Replacing one is the caller's
	 * decision (it asks for a fresh second factor first).
	 */
	@Transactional
	public Enrolment begin(UUID userId, String username) {
		byte[] secret = Totp.newSecret();
		this.jdbc
			.sql("""
					insert into identity.totp_credential (user_id, pending_secret, pending_since) values (:user, :secret, :now)
					on conflict (user_id) do update set pending_secret = excluded.pending_secret,
					                                    pending_since = excluded.pending_since""")
			.param("user", userId)
			.param("secret", this.sealing.seal(userId, secret))
			.param("now", Timestamp.from(now()))
			.update();
		return new Enrolment(Totp.base32(secret), Totp.otpauthUri(ISSUER, username, secret));
	}

	/**
	 * Confirms the waiting secret with a code from the app: it becomes the one in use,
	 * and ten new recovery codes replace any earlier ones. Empty when there is no waiting
	 * secret or the code does not match it.
	 */
	@Transactional
	public Optional<List<String>> confirm(UUID userId, String code) {
		Optional<byte[]> pending = this.jdbc.sql(
				"select pending_secret from identity.totp_credential where user_id = ? and pending_secret is not null for update")
			.param(userId)
			.query(byte[].class)
			.optional();
		if (pending.isEmpty()) {
			return Optional.empty();
		}
		OptionalLong step = Totp.matchingStep(this.sealing.open(userId, pending.get()), code, now());
		if (step.isEmpty()) {
			return Optional.empty();
		}
		this.jdbc.sql("""
				update identity.totp_credential
				set secret = pending_secret, confirmed_at = :now, pending_secret = null, pending_since = null,
				    last_step = :step
				where user_id = :user""")
			.param("now", Timestamp.from(now()))
			.param("step", step.getAsLong())
			.param("user", userId)
			.update();
		List<String> codes = newRecoveryCodes(userId);
		this.audit.record(AuditEvent.of(AuditAction.MFA_ENROLLED, "StaffAccount", userId)
			.category(DataCategory.SECURITY)
			.detail("authenticator app confirmed; " + RECOVERY_CODES + " new recovery codes"));
		return Optional.of(codes);
	}

	/**
	 * Accepts a current TOTP code or an unused recovery code, once. Empty when the code
	 * is wrong, already used, or the user has no confirmed second factor.
	 */
	@Transactional
	public Optional<Accepted> accept(UUID userId, String code) {
		String typed = (code == null) ? "" : code.strip().replace(" ", "");
		if (typed.matches("\\d{6}")) {
			OptionalLong step = currentStep(userId, typed);
			if (step.isEmpty()) {
				return Optional.empty();
			}
			int taken = this.jdbc
				.sql("update identity.totp_credential set last_step = ? where user_id = ? and last_step < ?")
				.params(step.getAsLong(), userId, step.getAsLong())
				.update();
			return (taken == 1) ? Optional.of(new Accepted(false, step.getAsLong())) : Optional.empty();
		}
		int used = this.jdbc.sql("""
				update identity.recovery_code set used_at = :now
				where user_id = :user and code_hash = :hash and used_at is null and """ + HAS_SECOND_FACTOR)
			.param("now", Timestamp.from(now()))
			.param("user", userId)
			.param("hash", Secrets.sha256Hex(normalise(typed)))
			.update();
		if (used != 1) {
			return Optional.empty();
		}
		int left = this.jdbc.sql("select count(*) from identity.recovery_code where user_id = ? and used_at is null")
			.param(userId)
			.query(Integer.class)
			.single();
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "StaffAccount", userId)
			.category(DataCategory.SECURITY)
			.detail("recovery code used; " + left + " left"));
		return Optional.of(new Accepted(true, -1));
	}

	/**
	 * Removes the user's second factors (an administrator's decision, for a lost phone):
	 * the app's secret goes, every passkey is removed and every recovery code is spent.
	 */
	@Transactional
	public void reset(UUID userId) {
		this.jdbc.sql("""
				update identity.totp_credential
				set secret = null, confirmed_at = null, pending_secret = null, pending_since = null
				where user_id = ?""").param(userId).update();
		this.jdbc.sql("update identity.recovery_code set used_at = ? where user_id = ? and used_at is null")
			.params(Timestamp.from(now()), userId)
			.update();
		this.jdbc.sql("update identity.passkey set removed_at = ? where user_id = ? and removed_at is null")
			.params(Timestamp.from(now()), userId)
			.update();
	}

	/**
	 * The time step of a TOTP code that matches the confirmed secret now, without taking
	 * it (for a step-up code the same token presents again while it is current).
	 */
	public OptionalLong currentStep(UUID userId, String code) {
		return this.jdbc.sql("select secret from identity.totp_credential where user_id = ? and secret is not null")
			.param(userId)
			.query(byte[].class)
			.optional()
			.map((secret) -> Totp.matchingStep(this.sealing.open(userId, secret), code, now()))
			.orElse(OptionalLong.empty());
	}

	/**
	 * Ten new recovery codes in place of any earlier ones; only their hashes are kept.
	 */
	List<String> newRecoveryCodes(UUID userId) {
		this.jdbc.sql("delete from identity.recovery_code where user_id = ?").param(userId).update();
		List<String> codes = new ArrayList<>(RECOVERY_CODES);
		for (int i = 0; i < RECOVERY_CODES; i++) {
			String code = newRecoveryCode();
			codes.add(code);
			this.jdbc.sql("insert into identity.recovery_code (user_id, code_hash, issued_at) values (?, ?, ?)")
				.params(userId, Secrets.sha256Hex(normalise(code)), Timestamp.from(now()))
				.update();
		}
		return codes;
	}

	/** 80 random bits as four groups of four Base32 letters, e.g. {@code k7qm-2xfa-…}. */
	private static String newRecoveryCode() {
		byte[] bits = new byte[10];
		RANDOM.nextBytes(bits);
		String letters = new Base32().encodeAsString(bits).toLowerCase(Locale.ROOT);
		return letters.substring(0, 4) + "-" + letters.substring(4, 8) + "-" + letters.substring(8, 12) + "-"
				+ letters.substring(12, 16);
	}

	/** Case, dashes and spaces do not matter when a recovery code is typed. */
	private static String normalise(String code) {
		return code.toLowerCase(Locale.ROOT).replaceAll("[^a-z2-7]", "");
	}

	private Instant now() {
		return Instant.now(this.clock);
	}

}
