package org.kapclinic.portal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditOutcome;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.identity.LoginAttempts;
import org.kapclinic.identity.Passwords;
import org.kapclinic.identity.mfa.OneTimeCodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A patient's sign-in (issue 21): e-mail address, password and the authenticator code in
 * one form, all three checked before anything is said, and one answer for every failure
 * so the form tells nobody which part was wrong or whether the address has an account.
 * Failures count per account; {@code kap.portal.max-failed-attempts} of them lock it for
 * {@code kap.portal.lockout}; and they count with the staff sign-ins' per address
 * ({@code identity.LoginAttempts}): one machine failing on many accounts, at either door,
 * is throttled as staff are ({@code kap.security.max-failed-attempts-per-address}). A
 * code is accepted once. Not an {@code AuthenticationProvider} bean: that would become
 * the staff chains' global one; only the portal chain uses it.
 */
@Component
class PortalSignIn {

	/** The code from the sign-in form, beside the e-mail and password. */
	record Code(String code) {

		static AuthenticationDetailsSource<HttpServletRequest, Code> source() {
			return (request) -> new Code(request.getParameter("code"));
		}

	}

	private final JdbcClient jdbc;

	private final Passwords passwords;

	private final OneTimeCodes codes;

	private final PortalSettings settings;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final GuardianEntitlement guardians;

	private final LoginAttempts attempts;

	/**
	 * Hashed once at start: a sign-in for an unknown address still pays for a hash check,
	 * so its answer takes as long as a wrong password's.
	 */
	private final String noAccount;

	PortalSignIn(JdbcClient jdbc, Passwords passwords, OneTimeCodes codes, PortalSettings settings, AuditTrail audit,
			org.springframework.transaction.PlatformTransactionManager transactions, Clock clock,
			GuardianEntitlement guardians, LoginAttempts attempts) {
		this.guardians = guardians;
		this.attempts = attempts;
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.codes = codes;
		this.settings = settings;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
		this.noAccount = passwords.hash(UUID.randomUUID().toString());
	}

	/** The signed-in patient, or {@link BadCredentialsException}. */
	Authentication authenticate(Authentication attempt) {
		String email = String.valueOf(attempt.getName()).strip().toLowerCase(Locale.ROOT);
		String password = String.valueOf(attempt.getCredentials());
		String code = (attempt.getDetails() instanceof Code given && given.code() != null) ? given.code().strip() : "";
		Instant now = Instant.now(this.clock);
		PortalPrincipal principal = this.transactions.execute((status) -> check(email, password, code, now));
		if (principal == null) {
			throw new BadCredentialsException(
					"That e-mail address, password and code do not match, or the account is locked for a while.");
		}
		return authenticated(principal);
	}

	/**
	 * Signs in the account whose passkey answered ({@link PortalPasskeys}): null when it
	 * is locked (per account, or its address throttled) or a proxy that no longer stands.
	 */
	Authentication withPasskey(UUID accountId) {
		Instant now = Instant.now(this.clock);
		PortalPrincipal principal = this.transactions.execute((status) -> passkey(accountId, now));
		return (principal == null) ? null : authenticated(principal);
	}

	/** A failed passkey sign-in counts for the address like any other. */
	void passkeyRefused() {
		this.attempts.recordFailure("portal:passkey");
		record(AuditAction.LOGIN_FAILED, null, null, "passkey", "passkey not accepted");
	}

	private static Authentication authenticated(PortalPrincipal principal) {
		UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(principal,
				null, List.of(new SimpleGrantedAuthority("ROLE_PATIENT")));
		// Set, so the provider manager does not copy the form's details (the code) into
		// the session.
		signedIn.setDetails("portal");
		return signedIn;
	}

	private PortalPrincipal passkey(UUID accountId, Instant now) {
		var account = this.jdbc.sql("""
				select patient_id, email, locked_until, guardian_name
				from portal.account where id = ? and status = 'ACTIVE' for update""")
			.param(accountId)
			.query((rs,
					n) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3),
							rs.getString(4) })
			.optional();
		if (account.isEmpty()) {
			return null;
		}
		Object[] row = account.get();
		String email = (String) row[1];
		if ((row[2] != null && ((Timestamp) row[2]).toInstant().isAfter(now))
				|| this.attempts.isLocked("portal:" + email)) {
			this.attempts.recordFailure("portal:" + email);
			record(AuditAction.LOGIN_FAILED, accountId, (UUID) row[0], email, "locked (passkey)");
			return null;
		}
		this.jdbc.sql("update portal.account set failed_attempts = 0, locked_until = null where id = ?")
			.param(accountId)
			.update();
		return admit(accountId, (UUID) row[0], email, (String) row[3], "passkey");
	}

	private PortalPrincipal check(String email, String password, String code, Instant now) {
		var account = this.jdbc.sql("""
				select id, patient_id, password_hash, totp_secret, totp_last_step, locked_until, guardian_name
				from portal.account where email = ? and status = 'ACTIVE' for update""")
			.param(email)
			.query((rs,
					n) -> new Object[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
							rs.getBytes(4), rs.getLong(5), rs.getTimestamp(6), rs.getString(7) })
			.optional();
		String attempt = "portal:" + email;
		if (account.isEmpty()) {
			this.passwords.matches(password, this.noAccount);
			this.attempts.recordFailure(attempt);
			record(AuditAction.LOGIN_FAILED, null, null, email, "no such portal account");
			return null;
		}
		Object[] row = account.get();
		UUID id = (UUID) row[0];
		UUID patientId = (UUID) row[1];
		boolean locked = (row[5] != null && ((Timestamp) row[5]).toInstant().isAfter(now))
				|| this.attempts.isLocked(attempt);
		boolean passwordOk = this.passwords.matches(password, (String) row[2]);
		// An account set up with a passkey has no authenticator key: only its passkey
		// signs it in.
		OptionalLong step = (row[3] == null) ? OptionalLong.empty()
				: this.codes.matches(id, (byte[]) row[3], code, now);
		if (locked || !passwordOk || step.isEmpty() || step.getAsLong() <= (long) row[4]) {
			this.jdbc.sql("""
					update portal.account set failed_attempts = failed_attempts + 1,
					    locked_until = case when failed_attempts + 1 >= ? then ? else locked_until end
					where id = ?""")
				.params(this.settings.maxFailedAttempts(), Timestamp.from(now.plus(this.settings.lockout())), id)
				.update();
			this.attempts.recordFailure(attempt);
			record(AuditAction.LOGIN_FAILED, id, patientId, email, locked ? "locked" : "wrong password or code");
			return null;
		}
		this.jdbc
			.sql("update portal.account set failed_attempts = 0, locked_until = null, totp_last_step = ? "
					+ "where id = ?")
			.params(step.getAsLong(), id)
			.update();
		return admit(id, patientId, email, (String) row[6], "password and code");
	}

	/** The last checks for every way in: a proxy must still stand. */
	private PortalPrincipal admit(UUID id, UUID patientId, String email, String guardian, String how) {
		String attempt = "portal:" + email;
		if (guardian != null && !this.guardians.holds(patientId, email)) {
			record(AuditAction.LOGIN_FAILED, id, patientId, email,
					"guardian proxy no longer stands: the patient is an adult or the guardian is off the record");
			return null;
		}
		this.attempts.recordSuccess(attempt);
		record(AuditAction.LOGIN, id, patientId, email,
				"portal, " + how + ((guardian != null) ? ", guardian proxy" : ""));
		return (guardian != null)
				? new PortalPrincipal(id, patientId, email, guardian, this.settings.guardiansSeeJournal())
				: PortalPrincipal.patient(id, patientId, email);
	}

	private void record(AuditAction action, UUID accountId, UUID patientId, String email, String detail) {
		this.audit.record(AuditEvent.of(action, PortalAccounts.RESOURCE, (accountId == null) ? null : accountId)
			.patient(patientId)
			.actor("portal:" + email)
			.outcome((action == AuditAction.LOGIN) ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE)
			.detail(detail));
	}

}
