package org.kapclinic.fhir;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SMART Backend Services end to end: an administrator registers a client with its public
 * keys and scopes; the client signs a JWT assertion and gets a short-lived token at
 * /oauth2/token; the token reads /fhir within its scopes, audited with the client as the
 * actor. Refused: a wrong key, an expired assertion, a reused jti, a scope not granted.
 */
class FhirSmartIT extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SmartClientFixture client;

	private com.nimbusds.jose.jwk.JWK key;

	private String clientId;

	private String patientId;

	private String family;

	@BeforeEach
	void registeredClientAndAPatient() throws JOSEException {
		this.client = SmartClientFixture.register(this.api, this.port, tokenFor("admin"),
				List.of("system/Patient.rs", "system/Observation.rs"), true);
		this.key = this.client.key;
		this.clientId = this.client.clientId;
		this.family = "Smartly" + letters();
		this.patientId = this.api
			.post("/api/v1/patients", Map.of("givenName", "Bo", "familyName", this.family, "birthDate", "1979-04-04",
					"confirmDuplicate", true), tokenFor("dr.quill"))
			.json()
			.get("id")
			.asString();
	}

	@Test
	void aSignedAssertionGetsAShortLivedTokenThatReadsWithinItsScopes() throws Exception {
		HttpResponse<String> token = this.client.token(this.client.assertion(this.key, JWSAlgorithm.RS384,
				this.clientId, Instant.now().plusSeconds(240), UUID.randomUUID().toString()), "system/Patient.rs");
		assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
		JsonNode body = JSON.readTree(token.body());
		assertThat(body.get("token_type").asString()).isEqualToIgnoringCase("Bearer");
		assertThat(body.get("expires_in").asLong()).isBetween(1L, 300L);
		assertThat(body.get("scope").asString()).isEqualTo("system/Patient.rs");
		String access = body.get("access_token").asString();

		Response found = this.api.get("/fhir/Patient?family=" + this.family, access);
		assertThat(found.status()).as(found.body()).isEqualTo(200);
		assertThat(found.body()).contains(this.patientId);
		assertThat(this.api.get("/fhir/Observation?patient=" + this.patientId, access).status())
			.as("Observation.rs was not asked for, so the token does not carry it")
			.isEqualTo(403);
		assertThat(this.api
			.post("/fhir/QuestionnaireResponse",
					"{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"questionnaire\":"
							+ "\"http://loinc.org/q/44249-1\",\"subject\":{\"reference\":\"Patient/" + this.patientId
							+ "\"}}",
					access)
			.status()).as("writing takes system/QuestionnaireResponse.c").isEqualTo(403);
		assertThat(this.api.get("/api/v1/patients/" + this.patientId, access).status())
			.as("a client's token opens /fhir only")
			.isEqualTo(401);

		await().until(() -> this.jdbc
			.sql("select count(*) from audit.entry where ?::uuid = any(patient_ids) and actor_name = ?")
			.params(this.patientId, "fhir-client:" + this.clientId)
			.query(Long.class)
			.single() > 0);
	}

	@Test
	void anEcKeySignsEs384() throws Exception {
		ECKey ec = new ECKeyGenerator(Curve.P_384).keyID("ec1").generate();
		Response registered = register(Map.of("name", "EC client (test)", "jwks", SmartClientFixture.publicKeys(ec),
				"scopes", List.of("system/*.read")), tokenFor("admin"));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		String id = registered.json().get("clientId").asString();
		HttpResponse<String> token = this.client.token(this.client.assertion(ec, JWSAlgorithm.ES384, id,
				Instant.now().plusSeconds(120), UUID.randomUUID().toString()), "system/*.read");
		assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
		String access = JSON.readTree(token.body()).get("access_token").asString();
		assertThat(this.api.get("/fhir/Observation?patient=" + this.patientId, access).status()).isEqualTo(200);
	}

	@Test
	void refusedAtTheTokenEndpoint() throws Exception {
		RSAKey other = new RSAKeyGenerator(2048).keyID("k1").generate();
		assertThat(
				this.client
					.token(this.client.assertion(other, JWSAlgorithm.RS384, this.clientId,
							Instant.now().plusSeconds(120), UUID.randomUUID().toString()), "system/Patient.rs")
					.statusCode())
			.as("signed with a key the client did not register")
			.isEqualTo(401);
		assertThat(
				this.client
					.token(this.client.assertion(this.key, JWSAlgorithm.RS384, this.clientId,
							Instant.now().minusSeconds(120), UUID.randomUUID().toString()), "system/Patient.rs")
					.statusCode())
			.as("expired assertion")
			.isEqualTo(401);
		assertThat(
				this.client
					.token(this.client.assertion(this.key, JWSAlgorithm.RS384, this.clientId,
							Instant.now().plusSeconds(3600), UUID.randomUUID().toString()), "system/Patient.rs")
					.statusCode())
			.as("exp more than five minutes ahead")
			.isEqualTo(401);
		String jti = UUID.randomUUID().toString();
		assertThat(this.client
			.token(this.client.assertion(this.key, JWSAlgorithm.RS384, this.clientId, Instant.now().plusSeconds(120),
					jti), "system/Patient.rs")
			.statusCode()).isEqualTo(200);
		assertThat(this.client
			.token(this.client.assertion(this.key, JWSAlgorithm.RS384, this.clientId, Instant.now().plusSeconds(120),
					jti), "system/Patient.rs")
			.statusCode()).as("the same jti again").isEqualTo(401);
		HttpResponse<String> notGranted = this.client.token(this.client.assertion(this.key, JWSAlgorithm.RS384,
				this.clientId, Instant.now().plusSeconds(120), UUID.randomUUID().toString()),
				"system/QuestionnaireResponse.rs");
		assertThat(notGranted.statusCode()).as("a scope the client was not registered for").isEqualTo(400);
		assertThat(notGranted.body()).contains("invalid_scope");
	}

	@Test
	void onlyAnAdministratorRegistersAndBadRegistrationsSayWhy() throws JOSEException {
		assertThat(register(Map.of("name", "x", "jwks", SmartClientFixture.publicKeys(this.key), "scopes",
				List.of("system/Patient.rs")), tokenFor("dr.quill"))
			.status()).isEqualTo(403);
		RSAKey small = new RSAKeyGenerator(1024, true).keyID("small").generate();
		Response bad = register(Map.of("name", "x", "jwks", SmartClientFixture.publicKeys(small), "scopes",
				List.of("patient/Patient.read", "system/Basic.rs")), tokenFor("admin"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("RS384", "patient/Patient.read", "system/Basic.rs");
		Response privateKey = register(Map.of("name", "x", "jwks", Map.of("keys", List.of(this.key.toJSONObject())),
				"scopes", List.of("system/Patient.rs")), tokenFor("admin"));
		assertThat(privateKey.body()).contains("public keys only");
		assertThat(register(Map.of("name", "x", "scopes", List.of("system/Patient.rs")), tokenFor("admin")).body())
			.contains("jwksUrl");
	}

	private Response register(Map<String, Object> body, String token) {
		return this.api.post("/api/v1/fhir-clients", body, token);
	}

}
