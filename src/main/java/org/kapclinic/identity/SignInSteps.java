package org.kapclinic.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * What the second step of signing in does once passed, whichever factor passed it (a
 * code: {@link SecondFactorPages}; a passkey: {@link PasskeyPages}): the session gains
 * the second factor with the time it was proved (which {@link StepUp} reads) and a new
 * id, and the person goes on to the page that asked.
 */
@Component
class SignInSteps {

	private final Clock clock;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final RequestCache requests = new HttpSessionRequestCache();

	SignInSteps(Clock clock) {
		this.clock = clock;
	}

	/** Adds the second factor, proved now, to the session's sign-in; a new session id. */
	void grantSecondFactor(HttpServletRequest request, HttpServletResponse response) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		List<GrantedAuthority> authorities = new ArrayList<>();
		for (GrantedAuthority authority : current.getAuthorities()) {
			if (!StepUp.SECOND_FACTOR.equals(authority.getAuthority())) {
				authorities.add(authority);
			}
		}
		authorities
			.add(FactorGrantedAuthority.withAuthority(StepUp.SECOND_FACTOR).issuedAt(Instant.now(this.clock)).build());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(current.getPrincipal(), null, authorities));
		SecurityContextHolder.setContext(context);
		request.changeSessionId();
		this.contexts.saveContext(context, request, response);
	}

	/** Where to go once passed: the page that asked, else the one first asked for. */
	String afterwards(String next, HttpServletRequest request, HttpServletResponse response) {
		String safe = safe(next);
		if (safe != null) {
			return safe;
		}
		SavedRequest saved = this.requests.getRequest(request, response);
		if (saved != null) {
			this.requests.removeRequest(request, response);
			return saved.getRedirectUrl();
		}
		return "/patients";
	}

	/** Only a path on this site ({@code /…}, never {@code //host}). */
	static String safe(String next) {
		return (next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\")
				&& next.length() <= 500) ? next : null;
	}

	/**
	 * The staff member signed in with their password, with or without a second factor.
	 */
	static Optional<StaffPrincipal> signedInWithPassword() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal staff)
				? Optional.of(staff) : Optional.empty();
	}

}
