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

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import tools.jackson.databind.json.JsonMapper;

import org.kapclinic.ApiClient;
import org.kapclinic.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A SMART backend service for tests: registered by an administrator with its public key,
 * it signs client assertions (RFC 7523) and trades them for access tokens.
 */
final class SmartClientFixture {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * One RS384 key for every client a test JVM registers: each client is still its own
	 * registration (its own id, scopes and jti replay window), and the tests that need a
	 * key the server does not know make one of their own. A 2048-bit key per client was a
	 * tenth of the integration tests' CPU (JFR, 2026-12-06).
	 */
	private static RSAKey sharedKey;

	private final int port;

	final JWK key;

	final String clientId;

	private SmartClientFixture(int port, JWK key, String clientId) {
		this.port = port;
		this.key = key;
		this.clientId = clientId;
	}

	/** Registers a client with the test JVM's RS384 key. */
	static SmartClientFixture register(ApiClient api, int port, String adminToken, List<String> scopes,
			boolean external) throws JOSEException {
		RSAKey key = sharedKey();
		Response registered = api.post("/api/v1/fhir-clients",
				Map.of("name", "Registry (test)", "jwks", publicKeys(key), "scopes", scopes, "external", external),
				adminToken);
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		assertThat(registered.json().get("tokenEndpoint").asString()).endsWith("/oauth2/token");
		return new SmartClientFixture(port, key, registered.json().get("clientId").asString());
	}

	private static synchronized RSAKey sharedKey() throws JOSEException {
		if (sharedKey == null) {
			sharedKey = new RSAKeyGenerator(2048).keyID("k1").generate();
		}
		return sharedKey;
	}

	/** An access token carrying {@code scopes}, for a new client registered with them. */
	static String accessToken(ApiClient api, int port, String adminToken, List<String> scopes) throws Exception {
		return register(api, port, adminToken, scopes, true).accessToken(String.join(" ", scopes));
	}

	static Map<String, Object> publicKeys(JWK key) {
		return new JWKSet(key.toPublicJWK()).toJSONObject(true);
	}

	String tokenUrl() {
		return "http://127.0.0.1:" + this.port + "/oauth2/token";
	}

	/** An access token for the scopes, or fails the test. */
	String accessToken(String scope) throws Exception {
		HttpResponse<String> token = token(assertion(this.key, JWSAlgorithm.RS384, this.clientId,
				Instant.now().plusSeconds(240), UUID.randomUUID().toString()), scope);
		assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
		return JSON.readTree(token.body()).get("access_token").asString();
	}

	/** A client assertion signed with the key, for the client. */
	String assertion(JWK signingKey, JWSAlgorithm algorithm, String client, Instant expires, String jti)
			throws JOSEException {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(client)
			.subject(client)
			.audience(tokenUrl())
			.expirationTime(Date.from(expires))
			.issueTime(Date.from(expires.minus(Duration.ofMinutes(1))))
			.jwtID(jti)
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(signingKey.getKeyID()).build(), claims);
		jwt.sign((signingKey instanceof ECKey ec) ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) signingKey));
		return jwt.serialize();
	}

	/** The token endpoint's answer to the assertion. */
	HttpResponse<String> token(String assertion, String scope) throws Exception {
		String form = "grant_type=client_credentials&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8)
				+ "&client_assertion_type="
				+ URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
				+ "&client_assertion=" + assertion;
		return HTTP.send(HttpRequest.newBuilder(URI.create(tokenUrl()))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
