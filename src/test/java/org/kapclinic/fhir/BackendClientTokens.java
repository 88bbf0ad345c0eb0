package org.kapclinic.fhir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import tools.jackson.databind.json.JsonMapper;

import org.kapclinic.ApiClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A SMART backend client for a test (the steps {@link FhirSmartIT} checks one by one): an
 * administrator registers it with an RSA key and scopes, and it trades a signed RS384
 * assertion for an access token.
 */
final class BackendClientTokens {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private BackendClientTokens() {
	}

	/** An access token carrying {@code scopes}, for a client registered with them. */
	static String accessToken(ApiClient api, int port, String adminToken, List<String> scopes) throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
		ApiClient.Response registered = api.post("/api/v1/fhir-clients", Map.of("name", "Referrals (test)", "jwks",
				new JWKSet(key.toPublicJWK()).toJSONObject(true), "scopes", scopes), adminToken);
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		String clientId = registered.json().get("clientId").asString();
		String tokenUrl = "http://127.0.0.1:" + port + "/oauth2/token";
		Instant expires = Instant.now().plusSeconds(240);
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS384).keyID(key.getKeyID()).build(),
				new JWTClaimsSet.Builder().issuer(clientId)
					.subject(clientId)
					.audience(tokenUrl)
					.expirationTime(Date.from(expires))
					.issueTime(Date.from(expires.minus(Duration.ofMinutes(1))))
					.jwtID(UUID.randomUUID().toString())
					.build());
		jwt.sign(new RSASSASigner(key));
		String form = "grant_type=client_credentials&scope="
				+ URLEncoder.encode(String.join(" ", scopes), StandardCharsets.UTF_8) + "&client_assertion_type="
				+ URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
				+ "&client_assertion=" + jwt.serialize();
		HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(URI.create(tokenUrl))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
		return JsonMapper.builder().build().readTree(token.body()).get("access_token").asString();
	}

}
