package org.kapclinic.identity;

import io.micrometer.core.instrument.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.core.instrument.MeterRegistry;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditOutcome;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Audits every sign-in, sign-out and failure, and feeds failures to the lockout counter.
 * Password sign-ins (form and token endpoint) pass through here; bearer-token requests do
 * not, as they are not sign-ins.
 */
@Component
class AuthenticationAuditor {

	private static final Logger log = LoggerFactory.getLogger(AuthenticationAuditor.class);

	private final AuditTrail audit;

	private final LoginAttempts attempts;

	/** {@code kap_signin_failures_total} by step (password or second factor). */
	private final Counter passwordFailures;

	private final Counter secondFactorFailures;

	/** {@code kap_signin_lockouts_total}: accounts locked by failures. */
	private final Counter lockouts;

	AuthenticationAuditor(AuditTrail audit, LoginAttempts attempts, MeterRegistry meters) {
		this.audit = audit;
		this.attempts = attempts;
		this.passwordFailures = Counter.builder("kap.signin.failures")
			.description("Failed sign-ins")
			.tag("step", "password")
			.register(meters);
		this.secondFactorFailures = Counter.builder("kap.signin.failures")
			.description("Failed sign-ins")
			.tag("step", "second-factor")
			.register(meters);
		this.lockouts = Counter.builder("kap.signin.lockouts")
			.description("Accounts locked by failed sign-ins")
			.register(meters);
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		String username = event.getAuthentication().getName();
		if (event.getAuthentication().getPrincipal() instanceof StaffPrincipal staff
				&& staff.secondFactor() == SecondFactorState.ENROLLED) {
			// Only the code clears earlier failures: a right password followed by wrong
			// codes must still lock the account.
			this.audit.recordIndependently(
					login(AuditAction.LOGIN, username, AuditOutcome.SUCCESS, "password; second factor pending"));
			return;
		}
		this.attempts.recordSuccess(username);
		this.audit.recordIndependently(login(AuditAction.LOGIN, username, AuditOutcome.SUCCESS, null));
	}

	/** The second factor passed: the sign-in is complete. */
	void secondFactorPassed(String username, String how) {
		this.attempts.recordSuccess(username);
		this.audit.recordIndependently(login(AuditAction.LOGIN, username, AuditOutcome.SUCCESS, how));
	}

	/** A wrong, reused or missing second factor after a right password. */
	void secondFactorFailed(String username, String why) {
		this.secondFactorFailures.increment();
		log.warn("A second-factor code was refused ({}); who and from where is in the audit trail", why);
		boolean wasLocked = this.attempts.isLocked(username);
		this.attempts.recordFailureIndependently(username);
		if (!wasLocked && this.attempts.isLocked(username)) {
			this.lockouts.increment();
			this.audit.recordIndependently(
					login(AuditAction.ACCOUNT_LOCKED, username, AuditOutcome.DENIED, "too many wrong codes"));
		}
		this.audit.recordIndependently(login(AuditAction.LOGIN_FAILED, username, AuditOutcome.FAILURE, why));
	}

	@EventListener
	void onFailure(AbstractAuthenticationFailureEvent event) {
		String username = event.getAuthentication().getName();
		String reason = event.getException().getClass().getSimpleName();
		this.passwordFailures.increment();
		// Not the username: people type their password into it.
		log.warn("Sign-in failed at the password ({}); who and from where is in the audit trail", reason);
		if (event instanceof AuthenticationFailureBadCredentialsEvent) {
			boolean wasLocked = this.attempts.isLocked(username);
			this.attempts.recordFailure(username);
			if (!wasLocked && this.attempts.isLocked(username)) {
				this.lockouts.increment();
				this.audit.recordIndependently(
						login(AuditAction.ACCOUNT_LOCKED, username, AuditOutcome.DENIED, "too many failed sign-ins"));
			}
		}
		this.audit.recordIndependently(login(AuditAction.LOGIN_FAILED, username, AuditOutcome.FAILURE, reason));
	}

	@EventListener
	void onLogout(LogoutSuccessEvent event) {
		this.audit.recordIndependently(
				login(AuditAction.LOGOUT, event.getAuthentication().getName(), AuditOutcome.SUCCESS, null));
	}

	private static AuditEvent login(AuditAction action, String username, AuditOutcome outcome, String detail) {
		return AuditEvent.of(action, "Session", null)
			.category(DataCategory.SECURITY)
			.outcome(outcome)
			.detail(detail)
			.actor(username);
	}

}
