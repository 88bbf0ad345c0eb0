package org.kapclinic.fhir;

import java.net.MalformedURLException;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionDecoderFactory;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Component;

/**
 * Checks a backend service's signed JWT assertion at the token endpoint (SMART Backend
 * Services, "Authenticating to the token endpoint"): signed RS384 or ES384 by a key of
 * the client's JWK Set (inline or fetched from its URL); {@code iss} and {@code sub} the
 * client id, {@code aud} our token endpoint, not expired (Spring Authorization Server's
 * checks); {@code exp} at most five minutes ahead; and a {@code jti} never used before by
 * this client.
 */
@Component
class ClientAssertions implements JwtDecoderFactory<RegisteredClient> {

	/** SMART Backend Services: "exp … no more than five minutes in the future". */
	static final Duration LONGEST = Duration.ofMinutes(5);

	private static final Duration SKEW = Duration.ofSeconds(60);

	private final FhirClients clients;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

	ClientAssertions(FhirClients clients, JdbcClient jdbc, Clock clock) {
		this.clients = clients;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public JwtDecoder createDecoder(RegisteredClient client) {
		return this.decoders.computeIfAbsent(client.getId(), (id) -> decoder(client));
	}

	private JwtDecoder decoder(RegisteredClient client) {
		FhirClient registered = this.clients.activeById(UUID.fromString(client.getId()))
			.orElseThrow(() -> new IllegalStateException("client " + client.getClientId() + " is not registered"));
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSKeySelector(
				new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS384, JWSAlgorithm.ES384), keys(registered)));
		// Spring's validators below check the claims.
		processor.setJWTClaimsSetVerifier((claims, context) -> {
		});
		NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				JwtClientAssertionDecoderFactory.DEFAULT_JWT_VALIDATOR_FACTORY.apply(client), this::shortLived,
				(jwt) -> usedOnce(client.getClientId(), jwt)));
		return decoder;
	}

	private static JWKSource<SecurityContext> keys(FhirClient client) {
		try {
			if (client.jwks() != null) {
				return new ImmutableJWKSet<>(JWKSet.parse(client.jwks()));
			}
			return JWKSourceBuilder.create(URI.create(client.jwksUrl()).toURL()).build();
		}
		catch (java.text.ParseException | MalformedURLException ex) {
			throw new IllegalStateException("client " + client.clientId() + " has unusable keys", ex);
		}
	}

	private OAuth2TokenValidatorResult shortLived(Jwt jwt) {
		Instant latest = Instant.now(this.clock).plus(LONGEST).plus(SKEW);
		if (jwt.getExpiresAt() == null || jwt.getExpiresAt().isAfter(latest)) {
			return failure("exp must be at most five minutes ahead");
		}
		return OAuth2TokenValidatorResult.success();
	}

	/**
	 * Records the assertion's jti; one seen before (while it could still be valid) is
	 * refused. Expired records of the client are cleared on the way.
	 */
	private OAuth2TokenValidatorResult usedOnce(String clientId, Jwt jwt) {
		String jti = jwt.getId();
		if (jti == null || jti.isBlank()) {
			return failure("jti is required");
		}
		Instant now = Instant.now(this.clock);
		this.jdbc.sql("delete from fhir.assertion_jti where client_id = ? and expires_at < ?")
			.params(clientId, Timestamp.from(now.minus(SKEW)))
			.update();
		Instant expires = (jwt.getExpiresAt() != null) ? jwt.getExpiresAt() : now.plus(LONGEST);
		int recorded = this.jdbc
			.sql("insert into fhir.assertion_jti (client_id, jti, expires_at) values (?, ?, ?) on conflict do nothing")
			.params(clientId, jti, Timestamp.from(expires.plus(SKEW)))
			.update();
		return (recorded == 1) ? OAuth2TokenValidatorResult.success() : failure("this jti was used before");
	}

	private static OAuth2TokenValidatorResult failure(String description) {
		return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, description,
				"https://hl7.org/fhir/smart-app-launch/backend-services.html"));
	}

}
