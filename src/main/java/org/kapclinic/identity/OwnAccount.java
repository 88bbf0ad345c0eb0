package org.kapclinic.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditOutcome;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.TooManyRequestsException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What signed-in staff do with their own account: change their password. */
@Service
class OwnAccount {

	private final StaffAccounts accounts;

	private final CurrentUser currentUser;

	private final PasswordEncoder passwords;

	private final SessionRevocation revocation;

	private final AuditTrail audit;

	private final IdentitySettings settings;

	private final Clock clock;

	private final LoginAttempts attempts;

	OwnAccount(StaffAccounts accounts, CurrentUser currentUser, PasswordEncoder passwords, SessionRevocation revocation,
			AuditTrail audit, IdentitySettings settings, Clock clock, LoginAttempts attempts) {
		this.attempts = attempts;
		this.accounts = accounts;
		this.currentUser = currentUser;
		this.passwords = passwords;
		this.revocation = revocation;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Changes the signed-in user's password after checking the current one; ends all
	 * their API tokens and their other browser sessions (a stolen token or session must
	 * not outlive the password change).
	 */
	@Transactional
	void changePassword(String currentPassword, String newPassword) {
		StaffAccount account = this.accounts.findById(this.currentUser.require().id()).orElseThrow();
		// Wrong current passwords count like wrong sign-ins: a stolen session cannot try
		// passwords here without limit (issue 16 finding 6).
		if (this.attempts.isLocked(account.username())) {
			throw new TooManyRequestsException("Too many wrong passwords. Try again in "
					+ this.settings.failureWindow().toMinutes() + " minutes, or ask an administrator to unlock you.",
					this.settings.failureWindow());
		}
		if (currentPassword == null || !this.passwords.matches(currentPassword, account.passwordHash())) {
			this.attempts.recordFailureIndependently(account.username());
			this.audit.recordIndependently(AuditEvent.of(AuditAction.UPDATE, "StaffAccount", account.id())
				.category(DataCategory.SECURITY)
				.outcome(AuditOutcome.FAILURE)
				.detail("own password change: wrong current password"));
			throw InvalidInputException.of("currentPassword", "is not your current password");
		}
		List<FieldProblem> problems = PasswordPolicy
			.problems(newPassword, account.username(), this.settings.minPasswordLength())
			.stream()
			.map((p) -> new FieldProblem("newPassword", p.message()))
			.toList();
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		account.changePassword(this.passwords.encode(newPassword), Instant.now(this.clock));
		this.accounts.save(account);
		this.revocation.endOthers(account.id(), account.username(), AccessEnded.Reason.OWN_PASSWORD_CHANGED);
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "StaffAccount", account.id())
			.category(DataCategory.SECURITY)
			.detail("own password changed"));
	}

}
