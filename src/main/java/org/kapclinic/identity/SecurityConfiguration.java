package org.kapclinic.identity;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManagerFactories;
import org.springframework.security.authorization.AuthorizationManagerFactory;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.HeaderWriterLogoutHandler;
import org.springframework.security.web.header.writers.ClearSiteDataHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Two filter chains: the JSON API (stateless, bearer tokens, problem+json refusals) and
 * the browser UI (form sign-in, session cookie with CSRF protection and an idle timeout).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/**
	 * Scripts only from our own origin (htmx, Bootstrap, Chart.js are served as webjars).
	 */
	/**
	 * No inline script or style anywhere, no {@code <base>} (issue 16 finding 6): the
	 * pages use classes only, and htmx's indicator styles live in app.css.
	 */
	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self'; img-src 'self' data:; font-src 'self'; object-src 'none'; "
			+ "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	/** Swagger UI (third-party pages) styles itself inline; only there. */
	private static final String API_DOCS_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; object-src 'none'; "
			+ "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	/**
	 * Every role but METRICS: the pages and the API are for people who work in the
	 * clinic.
	 */
	private static final String[] STAFF_ROLES = Role.staff().stream().map(Role::name).toArray(String[]::new);

	/** The same as authorities, looked up on every API request. */
	private static final java.util.Set<String> STAFF_AUTHORITIES = Role.staff()
		.stream()
		.map(Role::authority)
		.collect(java.util.stream.Collectors.toUnmodifiableSet());

	private static final String[] API_DOCS = { "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
			"/swagger-ui/**" };

	/**
	 * No metrics are exported, so observing every security filter would only cost CPU.
	 */
	@Bean
	SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/** The default firewall's rules, checked without its regular expressions. */
	@Bean
	WebSecurityCustomizer headerCheckingFirewall() {
		return (web) -> web.httpFirewall(HeaderCheckingFirewall.create());
	}

	/**
	 * BCrypt at {@code kap.security.password-hash-cost}, with the {@code {bcrypt}} prefix
	 * every stored hash has (the factory's default encoder until now).
	 */
	@Bean
	PasswordEncoder passwordEncoder(IdentitySettings settings) {
		return new DelegatingPasswordEncoder("bcrypt",
				Map.of("bcrypt", new BCryptPasswordEncoder(settings.passwordHashCost())));
	}

	@Bean
	AuthenticationManager authenticationManager(StaffUserDetailsService users, PasswordEncoder passwords,
			ApplicationEventPublisher events) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(passwords);
		ProviderManager manager = new ProviderManager(provider);
		manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
		return manager;
	}

	/**
	 * An expired session sends the browser to the sign-in page; for an htmx request
	 * (which would swap the sign-in page into a fragment) it answers 401 with
	 * {@code HX-Redirect}.
	 */
	private static AuthenticationEntryPoint signInAgain(String url) {
		LoginUrlAuthenticationEntryPoint page = new LoginUrlAuthenticationEntryPoint(url);
		return (request, response, exception) -> {
			if (request.getHeader("HX-Request") != null) {
				response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
				response.setHeader("HX-Redirect", request.getContextPath() + url);
			}
			else {
				page.commence(request, response, exception);
			}
		};
	}

	/**
	 * The pages' rules with a second factor on top (Spring Security's multi-factor
	 * support) for whoever signed in with one set up or whose roles require one
	 * ({@code kap.security.mfa-required-roles}); a session without it is sent to the code
	 * page ({@link SecondFactorPages}).
	 */
	private static AuthorizationManagerFactory<RequestAuthorizationContext> secondFactorRequired() {
		return AuthorizationManagerFactories.<RequestAuthorizationContext>multiFactor()
			.requireFactors(StepUp.SECOND_FACTOR)
			.when((authentication) -> authentication.getPrincipal() instanceof StaffPrincipal staff
					&& staff.secondFactor().pending())
			.build();
	}

	/**
	 * The metrics for Prometheus (issue 17): a bearer token of an account with the role
	 * METRICS or ADMIN, never public, no session.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain metricsChain(HttpSecurity http, ApiTokens tokens) throws Exception {
		ProblemResponses problems = new ProblemResponses();
		http.securityMatcher("/actuator/prometheus")
			.authorizeHttpRequests(
					(requests) -> requests.anyRequest().hasAnyRole(Role.METRICS.name(), Role.ADMIN.name()))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.addFilterBefore(new BearerTokenFilter(tokens, problems), UsernamePasswordAuthenticationFilter.class);
		return http.build();
	}

	/** Whether the sign-in holds a role of someone who works in the clinic. */
	private static boolean hasStaffRole(org.springframework.security.core.Authentication authentication) {
		return authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> STAFF_AUTHORITIES.contains(authority.getAuthority()));
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, AuthenticationManager authentication,
			org.springframework.beans.factory.ObjectProvider<BackendClients> clients) throws Exception {
		ProblemResponses problems = new ProblemResponses();
		// The FHIR API (issue 22) takes the same bearer tokens; its capability statement
		// and SMART discovery document are public, as the specifications require.
		http.securityMatcher("/api/**", "/fhir/**")
			.authenticationManager(authentication)
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/token", "/api/v1/consultation-requests")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/fhir/metadata", "/fhir/.well-known/smart-configuration")
				.permitAll()
				// A token of someone who must set up a second factor first reaches only
				// this.
				.requestMatchers("/api/v1/me", "/api/v1/me/mfa/**", "/api/v1/auth/revoke")
				.authenticated()
				.anyRequest()
				.access((auth, context) -> new AuthorizationDecision(auth.get() != null && auth.get().isAuthenticated()
						&& !(auth.get() instanceof AnonymousAuthenticationToken)
						&& auth.get()
							.getAuthorities()
							.stream()
							.noneMatch((authority) -> BearerTokenFilter.ENROLMENT_ONLY.equals(authority.getAuthority()))
						&& hasStaffRole(auth.get()))))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Bearer tokens are not sent by browsers on their own, so CSRF does not apply
			// here.
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.addFilterBefore(new BearerTokenFilter(tokens, problems, clients.getIfAvailable()),
					UsernamePasswordAuthenticationFilter.class)
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
				.frameOptions((frame) -> frame.deny()));
		return http.build();
	}

	/**
	 * The browser pages. The API's documentation is public only in the demo clinic
	 * ({@code kap.demo.enabled}); elsewhere it is for signed-in staff (issue 16 finding
	 * 6). Signing out tells the browser to drop the site's cookies, storage and cache
	 * ({@code Clear-Site-Data}, sent over HTTPS).
	 */
	@Bean
	@Order(2)
	SecurityFilterChain webChain(HttpSecurity http, AuthenticationManager authentication,
			@Value("${kap.demo.enabled:false}") boolean demo) throws Exception {
		AuthorizationManagerFactory<RequestAuthorizationContext> secondFactor = secondFactorRequired();
		http.authenticationManager(authentication)
			.authorizeHttpRequests((requests) -> requests
				// "/outcomes": the clinic's published results, public by design (issue
				// 18); "/donate": the access fund's pledge form (issue 20).
				.requestMatchers("/login", "/login/second-factor", "/login/second-factor/**", "/consultation",
						"/outcomes", "/donate", "/intake/**", "/consent/**", "/self-report/**", "/journal/**",
						"/calendar/**", "/error", "/webjars/**", "/assets/**", "/favicon.ico", "/actuator/health",
						"/actuator/health/**")
				.permitAll()
				.requestMatchers(API_DOCS)
				.access((auth,
						context) -> new AuthorizationDecision(demo || auth.get() != null && auth.get().isAuthenticated()
								&& !(auth.get() instanceof AnonymousAuthenticationToken)))
				.requestMatchers("/admin/**")
				.access(secondFactor.hasRole(Role.ADMIN.name()))
				.anyRequest()
				.access(secondFactor.hasAnyRole(STAFF_ROLES)))
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/patients", false).permitAll())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(signInAgain("/login"))
				.defaultDeniedHandlerForMissingAuthority(signInAgain("/login/second-factor"), StepUp.SECOND_FACTOR))
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout")
				.addLogoutHandler(new HeaderWriterLogoutHandler(new ClearSiteDataHeaderWriter(
						ClearSiteDataHeaderWriter.Directive.COOKIES, ClearSiteDataHeaderWriter.Directive.STORAGE,
						ClearSiteDataHeaderWriter.Directive.CACHE))))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
						PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"),
						(request, response) -> response.setHeader("Content-Security-Policy", API_DOCS_POLICY)))
				.frameOptions((frame) -> frame.deny())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

}
