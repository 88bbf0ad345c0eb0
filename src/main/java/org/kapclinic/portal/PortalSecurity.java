package org.kapclinic.portal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.kapclinic.shared.SignedInPatient;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * The portal's own security chain (issue 21): everything under {@code /portal}, its own
 * sign-in page and session cookie ({@link PortalSessionCookies}); patients hold only the
 * role PATIENT, which no staff page or API accepts, and a staff session is not a patient
 * session here. An account whose access ends (revoked) is signed out at its next request
 * ({@link PortalSessionCheck}).
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurity {

	/** As the staff pages: no inline script or style, nothing framed. */
	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self'; img-src 'self' data:; font-src 'self'; object-src 'none'; "
			+ "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	/**
	 * The patient's journal, self-reports and their own trajectory: closed to a
	 * guardian's proxy unless the clinic's policy opens them
	 * ({@code kap.portal.guardians-see-journal}).
	 */
	static final String[] PRIVATE_PAGES = { "/portal/check-in", "/portal/check-in/**", "/portal/journal",
			"/portal/journal/**", "/portal/progress", "/portal/progress/**", "/portal/documents",
			"/portal/documents/**" };

	@Bean
	@Order(1)
	SecurityFilterChain portalChain(HttpSecurity http, PortalSignIn signIn, JdbcClient jdbc,
			GuardianEntitlement guardians) throws Exception {
		http.securityMatcher("/portal", "/portal/**")
			.authenticationManager(new ProviderManager(new AuthenticationProvider() {
				@Override
				public Authentication authenticate(Authentication attempt) {
					return signIn.authenticate(attempt);
				}

				@Override
				public boolean supports(Class<?> type) {
					return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
				}
			}))
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/portal/login", "/portal/login/passkey", "/portal/login/passkey/options",
						"/portal/invite/**")
				.permitAll()
				.requestMatchers(PRIVATE_PAGES)
				.access((authentication, context) -> new AuthorizationDecision(
						authentication.get().getPrincipal() instanceof SignedInPatient who && who.seesPrivate()))
				.anyRequest()
				.hasRole("PATIENT"))
			.formLogin((form) -> form.loginPage("/portal/login")
				.usernameParameter("email")
				.authenticationDetailsSource(PortalSignIn.Code.source())
				.defaultSuccessUrl("/portal", true)
				// Not kept in the session: the page says the same for every failure, and
				// the
				// exception would carry the form's fields.
				.failureHandler((request, response, exception) -> response
					.sendRedirect(request.getContextPath() + "/portal/login?error"))
				.permitAll())
			.logout((logout) -> logout.logoutUrl("/portal/logout").logoutSuccessUrl("/portal/login?signedOut"))
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/portal/login")))
			.addFilterBefore(new PortalSessionCheck(jdbc, guardians), AuthorizationFilter.class)
			.headers(
					(headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
		return http.build();
	}

}
