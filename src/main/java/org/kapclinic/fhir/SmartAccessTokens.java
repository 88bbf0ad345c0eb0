package org.kapclinic.fhir;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import org.kapclinic.identity.BackendClients;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Access tokens our authorization server issued to backend services, checked on
 * {@code /fhir}: our signature, not expired, and the client still registered (a revoked
 * client's remaining tokens stop at once). The token's scopes are what the client asked
 * for and was allowed.
 */
@Component
class SmartAccessTokens implements BackendClients {

	private final JwtDecoder decoder;

	private final FhirClients clients;

	SmartAccessTokens(SigningKeys keys, FhirClients clients) throws JOSEException {
		this.decoder = NimbusJwtDecoder.withPublicKey(keys.key().toRSAPublicKey()).build();
		this.clients = clients;
	}

	@Override
	public Optional<BackendClient> authenticate(String token) {
		Jwt jwt;
		try {
			jwt = this.decoder.decode(token);
		}
		catch (JwtException ex) {
			return Optional.empty();
		}
		Set<String> scopes = new LinkedHashSet<>(scopes(jwt));
		return this.clients.active(jwt.getSubject())
			.map((c) -> new BackendClient(c.id(), c.clientId(), c.name(), scopes, c.external()));
	}

	private static List<String> scopes(Jwt jwt) {
		Object claim = jwt.getClaims().get("scope");
		if (claim instanceof java.util.Collection<?> values) {
			return values.stream().map(String::valueOf).toList();
		}
		return (claim instanceof String text) ? List.of(text.split(" ")) : List.of();
	}

}
