package org.kapclinic.identity;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer …} on the API. A present but unknown,
 * expired or revoked token is refused at once (401); no header leaves the request
 * anonymous, and the authorization rules then refuse it.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private static final String PREFIX = "Bearer ";

	/** The authority of a token that may only set up a second factor. */
	static final String ENROLMENT_ONLY = "MFA_ENROLMENT_ONLY";

	/** The request attribute holding the bearer token's hash (for step-up). */
	static final String TOKEN_HASH = BearerTokenFilter.class.getName() + ".tokenHash";

	private final ApiTokens tokens;

	private final AuthenticationEntryPoint entryPoint;

	private final BackendClients clients;

	BearerTokenFilter(ApiTokens tokens, AuthenticationEntryPoint entryPoint) {
		this(tokens, entryPoint, null);
	}

	/**
	 * @param clients backend services' tokens, accepted under {@code /fhir/} only; null
	 * where none are
	 */
	BearerTokenFilter(ApiTokens tokens, AuthenticationEntryPoint entryPoint, BackendClients clients) {
		this.tokens = tokens;
		this.entryPoint = entryPoint;
		this.clients = clients;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
			chain.doFilter(request, response);
			return;
		}
		String token = header.substring(PREFIX.length()).trim();
		if (this.clients != null && token.indexOf('.') > 0 && fhir(request)) {
			authenticateClient(token, request, response, chain);
			return;
		}
		Optional<ApiTokens.Holder> holder = this.tokens.authenticate(token);
		if (holder.isEmpty()) {
			this.entryPoint.commence(request, response, new BadCredentialsException("Invalid or expired token"));
			return;
		}
		StaffPrincipal principal = holder.get().principal();
		// A token limited to the second-factor set-up carries none of the person's roles.
		Collection<? extends GrantedAuthority> authorities = holder.get().enrolmentOnly()
				? List.of(new SimpleGrantedAuthority(ENROLMENT_ONLY)) : principal.getAuthorities();
		request.setAttribute(TOKEN_HASH, holder.get().tokenHash());
		proceedAs(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities), request, response,
				chain);
	}

	/**
	 * A backend service's access token (a signed JWT, never a staff token): the client
	 * acts as a principal of its own, named {@code fhir-client:<clientId>}.
	 */
	private void authenticateClient(String token, HttpServletRequest request, HttpServletResponse response,
			FilterChain chain) throws IOException, ServletException {
		Optional<BackendClients.BackendClient> client = this.clients.authenticate(token);
		if (client.isEmpty()) {
			this.entryPoint.commence(request, response, new BadCredentialsException("Invalid or expired token"));
			return;
		}
		BackendClients.BackendClient c = client.get();
		StaffMember member = new StaffMember(c.id(), c.actorName(), c.name() + " (FHIR client)",
				java.util.Set.of(Role.PRESCRIBER), true);
		List<GrantedAuthority> authorities = new java.util.ArrayList<>();
		authorities.add(new SimpleGrantedAuthority(Role.PRESCRIBER.authority()));
		authorities.add(new SimpleGrantedAuthority(BackendClients.AUTHORITY));
		c.scopes().forEach((scope) -> authorities.add(new SimpleGrantedAuthority(BackendClients.SCOPE_PREFIX + scope)));
		// The audit trail is ADMIN's: a client reads it only with a scope that names it
		// (system/AuditEvent.rs), never through system/*.
		if (c.scopes().stream().anyMatch((scope) -> scope.startsWith("system/AuditEvent."))) {
			authorities.add(new SimpleGrantedAuthority(org.kapclinic.audit.AuditLog.READER_AUTHORITY));
		}
		StaffPrincipal principal = new StaffPrincipal(member, null, false);
		proceedAs(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities), request, response,
				chain);
	}

	/**
	 * Under the FHIR base: {@code /fhir/...}, or the base itself, where a transaction
	 * Bundle is posted.
	 */
	private static boolean fhir(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/fhir/") || path.equals("/fhir");
	}

	private static void proceedAs(UsernamePasswordAuthenticationToken authentication, HttpServletRequest request,
			HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
