package org.kapclinic.identity;

import java.util.Optional;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditOutcome;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.shared.Secrets;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a second staff member's own credentials, typed in at the signed-in user's
 * screen, for acts that need a witness (wasting a controlled substance, a count). The
 * same rules as a sign-in apply: a locked or inactive account is refused, and a wrong
 * password counts toward that account's lockout and is audited. No session or token is
 * created for the witness.
 *
 * <p>
 * Runs in a transaction of its own, so the failed attempt and its audit row stay even
 * when the caller's work is refused and rolled back.
 */
@Service
class WitnessVerification {

	static final String RESOURCE = "WitnessSignature";

	private final StaffAccounts accounts;

	private final PasswordEncoder passwords;

	private final LoginAttempts attempts;

	private final AuditTrail audit;

	/** Keeps the answer time of an unknown username close to that of a known one. */
	private final String dummyHash;

	WitnessVerification(StaffAccounts accounts, PasswordEncoder passwords, LoginAttempts attempts, AuditTrail audit) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.attempts = attempts;
		this.audit = audit;
		this.dummyHash = passwords.encode(Secrets.newToken());
	}

	/**
	 * The witness, when the username and password are right and the account is active and
	 * not locked; empty otherwise (the reason is audited, not told, as at sign-in).
	 * @param purpose what is witnessed, for the audit row (e.g. "waste of lot …")
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Optional<StaffMember> verify(String username, String password, String purpose) {
		String name = (username == null) ? "" : username.trim();
		Optional<StaffAccount> account = name.isEmpty() ? Optional.empty() : this.accounts.findByUsername(name);
		String hash = account.map(StaffAccount::passwordHash).orElse(this.dummyHash);
		boolean passwordMatches = password != null && this.passwords.matches(password, hash);
		if (this.attempts.isLocked(name)) {
			return refused(name, purpose, "LockedException");
		}
		if (account.isEmpty() || !passwordMatches) {
			this.attempts.recordFailure(name);
			if (this.attempts.isLocked(name)) {
				this.audit.record(event(AuditAction.ACCOUNT_LOCKED, name, AuditOutcome.DENIED,
						"too many failed sign-ins (witness)"));
			}
			return refused(name, purpose, "BadCredentialsException");
		}
		StaffMember member = account.get().toMember();
		if (!member.active()) {
			return refused(name, purpose, "DisabledException");
		}
		this.attempts.recordSuccess(name);
		this.audit.record(event(AuditAction.LOGIN, name, AuditOutcome.SUCCESS, "witness: " + purpose));
		return Optional.of(member);
	}

	private Optional<StaffMember> refused(String username, String purpose, String reason) {
		this.audit.record(
				event(AuditAction.LOGIN_FAILED, username, AuditOutcome.FAILURE, "witness: " + purpose + ": " + reason));
		return Optional.empty();
	}

	private static AuditEvent event(AuditAction action, String username, AuditOutcome outcome, String detail) {
		return AuditEvent.of(action, RESOURCE, null)
			.category(DataCategory.SECURITY)
			.outcome(outcome)
			.detail(detail)
			.actor(username.isEmpty() ? "(no username)" : username);
	}

}
