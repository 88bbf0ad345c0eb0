package org.kapclinic.fhir;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Authorization Server for SMART Backend Services (issue 22): the token endpoint
 * {@code /oauth2/token} grants client credentials to registered clients that authenticate
 * with a private-key JWT ({@link ClientAssertions}); access tokens are JWTs signed with
 * {@link SigningKeys}, kept nowhere ({@link UnstoredAuthorizations}). Its own filter
 * chain, ahead of the API's.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

	@Bean
	@Order(-1)
	SecurityFilterChain authorizationServerChain(HttpSecurity http, SmartClientRepository clients,
			ClientAssertions assertions) throws Exception {
		OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
		http.securityMatcher(server.getEndpointsMatcher())
			.with(server,
					(configurer) -> configurer.registeredClientRepository(clients)
						.authorizationService(new UnstoredAuthorizations())
						.clientAuthentication((authentication) -> authentication
							.authenticationConverters((converters) -> converters.add(0, new AssertionWithoutClientId()))
							.authenticationProviders((providers) -> providers.forEach((provider) -> {
								if (provider instanceof JwtClientAssertionAuthenticationProvider jwt) {
									jwt.setJwtDecoderFactory(assertions);
								}
							}))))
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()));
		return http.build();
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings() {
		return AuthorizationServerSettings.builder().build();
	}

}
