package org.kapclinic.fhir;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiContractTest;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The FHIR client registration API's request/response contract as a web slice (no
 * database, no security filters; {@code FhirSmartIT} registers a backend service as an
 * administrator, gets tokens with a signed assertion and reads /fhir with them, and is
 * refused as a prescriber and with bad keys or scopes). Checked here: registering answers
 * 201 with the client's address, its id and scopes and where it gets tokens, and says
 * whether its keys are inline without ever showing them; both addresses follow the
 * server's context path; the list says the same of every client, revoked ones included;
 * every missing field, an empty scope and an overlong key URL are named before anything
 * is registered, and a body that does not read is refused the same way; the keys and
 * scopes the registry refuses are named all at once; a role that may not is 403.
 */
@ApiContractTest(FhirClientApi.class)
class FhirClientApiContractTests {

	private static final UUID ID = UUID.fromString("0190f0e0-0000-7000-8000-00000000f101");

	private static final String CLIENT_ID = "kap-0000000000000000000000000000f101";

	private static final Instant REGISTERED = Instant.parse("2026-11-02T09:00:00Z");

	/** A made-up public key: the controller passes it on and the registry is mocked. */
	private static final String JWKS = """
			{"keys":[{"kty":"EC","crv":"P-384","kid":"test-key-1","x":"fictional-x-coordinate","y":"fictional-y"}]}""";

	private static final String REGISTRATION = """
			{"name":"Fictional Registry Sync","jwks":%s,"scopes":["system/Patient.rs","system/Observation.rs"]}"""
		.formatted(JWKS);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	FhirClients clients;

	@Test
	void registeringAnswers201WithWhereTheClientGetsTokensAndNeverItsKeys() throws Exception {
		given(this.clients.register(any())).willReturn(inline());
		register(post("/api/v1/fhir-clients"), REGISTRATION).andExpect(status().isCreated())
			.andExpect(header().string("Location", "http://localhost/api/v1/fhir-clients/" + CLIENT_ID))
			.andExpect(jsonPath("$.clientId").value(CLIENT_ID))
			.andExpect(jsonPath("$.name").value("Fictional Registry Sync"))
			.andExpect(jsonPath("$.scopes[1]").value("system/Observation.rs"))
			.andExpect(jsonPath("$.external").value(true))
			.andExpect(jsonPath("$.keysInline").value(true))
			.andExpect(jsonPath("$.tokenEndpoint").value("http://localhost/oauth2/token"))
			.andExpect(jsonPath("$.registeredAt").value("2026-11-02T09:00:00Z"))
			.andExpect(jsonPath("$.jwks").doesNotExist())
			.andExpect(jsonPath("$.id").doesNotExist())
			.andExpect(content().string(not(containsString("fictional-x-coordinate"))));
		Map<String, Object> key = Map.of("kty", "EC", "crv", "P-384", "kid", "test-key-1", "x",
				"fictional-x-coordinate", "y", "fictional-y");
		verify(this.clients).register(new FhirClientRequest("Fictional Registry Sync", Map.of("keys", List.of(key)),
				null, List.of("system/Patient.rs", "system/Observation.rs"), null));
	}

	@Test
	void bothAddressesFollowTheContextPath() throws Exception {
		given(this.clients.register(any())).willReturn(inline());
		register(post("/kap/api/v1/fhir-clients").contextPath("/kap"), REGISTRATION).andExpect(status().isCreated())
			.andExpect(header().string("Location", "http://localhost/kap/api/v1/fhir-clients/" + CLIENT_ID))
			.andExpect(jsonPath("$.tokenEndpoint").value("http://localhost/kap/oauth2/token"));
	}

	@Test
	void theListSaysWhereEachClientGetsTokensAndWhichAreRevoked() throws Exception {
		FhirClient byUrl = new FhirClient(UUID.fromString("0190f0e0-0000-7000-8000-00000000f102"),
				"kap-0000000000000000000000000000f102", "Fictional Lab Bridge", List.of("system/*.read"), false, null,
				"https://keys.example.test/jwks.json", REGISTERED, Instant.parse("2026-11-20T17:30:00Z"));
		given(this.clients.all()).willReturn(List.of(inline(), byUrl));
		this.mvc.perform(get("/api/v1/fhir-clients"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[0].keysInline").value(true))
			.andExpect(jsonPath("$[0].revokedAt").doesNotExist())
			.andExpect(jsonPath("$[1].keysInline").value(false))
			.andExpect(jsonPath("$[1].external").value(false))
			.andExpect(jsonPath("$[1].jwksUrl").value("https://keys.example.test/jwks.json"))
			.andExpect(jsonPath("$[1].tokenEndpoint").value("http://localhost/oauth2/token"))
			.andExpect(jsonPath("$[1].revokedAt").value("2026-11-20T17:30:00Z"))
			.andExpect(jsonPath("$[*].jwks").isEmpty());
	}

	@Test
	void everyMissingFieldIsNamedBeforeAnythingIsRegistered() throws Exception {
		register(post("/api/v1/fhir-clients"), "{\"name\":\" \",\"scopes\":[]}").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Invalid input"))
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("name", "scopes")));
		register(post("/api/v1/fhir-clients"), "{\"name\":\"Fictional Registry Sync\",\"scopes\":[\"\"]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("scopes[0]"));
		register(post("/api/v1/fhir-clients"),
				"""
						{"name":"Fictional Registry Sync","jwksUrl":"https://keys.example.test/%s","scopes":["system/*.read"]}"""
					.formatted("k".repeat(2000)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("jwksUrl"));
		register(post("/api/v1/fhir-clients"),
				"""
						{"name":"Fictional Registry Sync","jwks":%s,"scopes":["system/*.read"],"external":"perhaps"}"""
					.formatted(JWKS))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Unreadable request"));
		verifyNoInteractions(this.clients);
	}

	@Test
	void theKeysAndScopesTheRegistryRefusesAreNamedAllAtOnce() throws Exception {
		given(this.clients.register(any())).willThrow(
				new InvalidInputException(List.of(new FieldProblem("jwks", "key test-key-1 cannot sign RS384 or ES384"),
						new FieldProblem("scopes", "'patient/Patient.read' is not a SMART system scope"))));
		register(post("/api/v1/fhir-clients"), REGISTRATION).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("jwks", "scopes")))
			.andExpect(jsonPath("$.errors[1].message").value(containsString("patient/Patient.read")));
	}

	@Test
	void aRoleThatMayNotIs403() throws Exception {
		given(this.clients.register(any())).willThrow(new AccessDeniedException("Only administrators"));
		given(this.clients.all()).willThrow(new AccessDeniedException("Only administrators"));
		register(post("/api/v1/fhir-clients"), REGISTRATION).andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Forbidden"))
			.andExpect(header().doesNotExist("Location"));
		this.mvc.perform(get("/api/v1/fhir-clients")).andExpect(status().isForbidden());
	}

	private ResultActions register(MockHttpServletRequestBuilder request, String body) throws Exception {
		return this.mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private static FhirClient inline() {
		return new FhirClient(ID, CLIENT_ID, "Fictional Registry Sync",
				List.of("system/Patient.rs", "system/Observation.rs"), true, JWKS, null, REGISTERED, null);
	}

}
