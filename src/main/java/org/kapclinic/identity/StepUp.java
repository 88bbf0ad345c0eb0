package org.kapclinic.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;

import org.kapclinic.identity.mfa.SecondFactors;
import org.kapclinic.shared.StepUpRequiredException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A fresh second factor for the operations that ask for one again (issue 16: user
 * administration, publishing rule sets and protocols, controlled-substance waste and
 * counts, de-identified exports, break-glass). On the API the request itself carries a
 * current code in {@code X-KAP-OTP}: a code is taken once, except that the token that
 * presented it may present it again while it is current (so a count of ten items does not
 * wait for ten codes). In the browser the session's second factor must be at most
 * {@code kap.security.step-up-validity} old; the page asks for a code otherwise.
 *
 * <p>
 * Only people with a second factor set up are asked: where none is required
 * ({@code kap.security.mfa-required-roles} empty) and none is set up, there is nothing to
 * step up with.
 */
@Component
public class StepUp {

	/** The header that carries the code on the API. */
	public static final String HEADER = "X-KAP-OTP";

	/**
	 * The factor any second factor grants: a code from the authenticator app, a recovery
	 * code or a passkey (the audit trail records which).
	 */
	static final String SECOND_FACTOR = "FACTOR_SECOND";

	private final SecondFactors secondFactors;

	private final ApiTokens tokens;

	private final AuthenticationAuditor auditor;

	private final IdentitySettings settings;

	private final Clock clock;

	StepUp(SecondFactors secondFactors, ApiTokens tokens, AuthenticationAuditor auditor, IdentitySettings settings,
			Clock clock) {
		this.secondFactors = secondFactors;
		this.tokens = tokens;
		this.auditor = auditor;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Returns when the signed-in person proved a second factor recently enough for
	 * {@code operation} (words for the refusal, e.g. "change a user's roles").
	 * @throws StepUpRequiredException otherwise
	 */
	public void require(String operation) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof StaffPrincipal staff)
				|| !this.secondFactors.enrolled(staff.userId())) {
			return;
		}
		HttpServletRequest request = currentRequest();
		String tokenHash = (request != null) ? (String) request.getAttribute(BearerTokenFilter.TOKEN_HASH) : null;
		if (tokenHash != null) {
			requireOnTheApi(staff, tokenHash, request.getHeader(HEADER), operation);
		}
		else if (!fresh(authentication)) {
			throw new StepUpRequiredException("To " + operation
					+ ", confirm it is you: use your passkey or enter a current code from your authenticator app.");
		}
	}

	private void requireOnTheApi(StaffPrincipal staff, String tokenHash, String code, String operation) {
		if (code == null || code.isBlank()) {
			throw new StepUpRequiredException("To " + operation + ", send a current code from your authenticator app "
					+ "(or a recovery code) in the " + HEADER + " header.");
		}
		OptionalLong step = this.secondFactors.currentStep(staff.userId(), code.strip());
		if (step.isPresent() && this.tokens.presentedStepUp(tokenHash, step.getAsLong())) {
			return;
		}
		Optional<SecondFactors.Accepted> accepted = this.secondFactors.accept(staff.userId(), code);
		if (accepted.isEmpty()) {
			this.auditor.secondFactorFailed(staff.username(), "step-up: wrong or reused code");
			throw new StepUpRequiredException("The code in " + HEADER + " is wrong or was used already: send the "
					+ "current code of your authenticator app to " + operation + ".");
		}
		if (!accepted.get().recoveryCode()) {
			this.tokens.recordStepUp(tokenHash, accepted.get().step());
		}
	}

	/** Whether the session's second factor is recent enough. */
	boolean fresh(Authentication authentication) {
		Instant oldest = Instant.now(this.clock).minus(this.settings.stepUpValidity());
		return authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> authority instanceof FactorGrantedAuthority factor
					&& SECOND_FACTOR.equals(factor.getAuthority()) && factor.getIssuedAt().isAfter(oldest));
	}

	private static HttpServletRequest currentRequest() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest() : null;
	}

}
