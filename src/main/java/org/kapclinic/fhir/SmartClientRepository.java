package org.kapclinic.fhir;

import java.util.UUID;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * Our registrations as Spring Authorization Server clients: client credentials only,
 * authenticated with a private-key JWT, short-lived self-contained access tokens. A
 * revoked client is unknown here. Registering goes through {@link FhirClients}.
 */
@Component
class SmartClientRepository implements RegisteredClientRepository {

	private final FhirClients clients;

	private final FhirSettings settings;

	SmartClientRepository(FhirClients clients, FhirSettings settings) {
		this.clients = clients;
		this.settings = settings;
	}

	@Override
	public void save(RegisteredClient registeredClient) {
		throw new UnsupportedOperationException("register clients with POST /api/v1/fhir-clients");
	}

	@Override
	public RegisteredClient findById(String id) {
		try {
			return this.clients.activeById(UUID.fromString(id)).map(this::registered).orElse(null);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	@Override
	public RegisteredClient findByClientId(String clientId) {
		return this.clients.active(clientId).map(this::registered).orElse(null);
	}

	private RegisteredClient registered(FhirClient client) {
		ClientSettings.Builder settings = ClientSettings.builder()
			.tokenEndpointAuthenticationSigningAlgorithm(algorithm(client));
		if (client.jwksUrl() != null) {
			settings.jwkSetUrl(client.jwksUrl());
		}
		return RegisteredClient.withId(client.id().toString())
			.clientId(client.clientId())
			.clientName(client.name())
			.clientIdIssuedAt(client.registeredAt())
			.clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scopes((scopes) -> scopes.addAll(client.scopes()))
			.clientSettings(settings.build())
			.tokenSettings(TokenSettings.builder()
				.accessTokenTimeToLive(this.settings.tokenLifetime())
				.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
				.build())
			.build();
	}

	/**
	 * The registered signing algorithm (our assertion check accepts RS384 and ES384
	 * either way): ES384 for an inline EC key, otherwise RS384.
	 */
	private static SignatureAlgorithm algorithm(FhirClient client) {
		if (client.jwks() != null) {
			try {
				if (JWKSet.parse(client.jwks()).getKeys().stream().allMatch((k) -> k instanceof ECKey)) {
					return SignatureAlgorithm.ES384;
				}
			}
			catch (java.text.ParseException ex) {
				// Checked at registration; fall through.
			}
		}
		return SignatureAlgorithm.RS384;
	}

}
