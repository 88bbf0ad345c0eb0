package org.kapclinic.fhir;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Parameters;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** An integration test of the FHIR API through HAPI's own client, as staff. */
abstract class FhirIntegrationTest extends IntegrationTest {

	protected final FhirContext context = FhirContext.forR4Cached();

	/**
	 * A new patient registered by dr.quill: the family name is the prefix and random
	 * letters, so that each test has its own (fictional) person.
	 * @param sexAtBirth FEMALE, MALE, … or null
	 */
	protected String registeredPatient(String given, String familyPrefix, String birthDate, String sexAtBirth) {
		Map<String, Object> body = new HashMap<>(Map.of("givenName", given, "familyName", familyPrefix + letters(),
				"birthDate", birthDate, "confirmDuplicate", true));
		if (sexAtBirth != null) {
			body.put("sexAtBirth", sexAtBirth);
		}
		Response registered = this.api.post("/api/v1/patients", body, tokenFor("dr.quill"));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		return registered.json().get("id").asString();
	}

	/** {@link #registeredPatient} with therapist.cove on the care team. */
	protected String patientOnCovesTeam(String given, String familyPrefix, String birthDate, String sexAtBirth) {
		String id = registeredPatient(given, familyPrefix, birthDate, sexAtBirth);
		assertThat(this.api
			.put("/api/v1/patients/" + id + "/care-team", Map.of("members", List.of(userId("therapist.cove"))),
					tokenFor("dr.quill"))
			.status()).isEqualTo(200);
		return id;
	}

	/** {@code Patient/{id}/$everything} as the staff member sees it (its first page). */
	protected Bundle everything(String username, String patientId) {
		return client(username).operation()
			.onInstance("Patient/" + patientId)
			.named("$everything")
			.withNoParameters(Parameters.class)
			.returnResourceType(Bundle.class)
			.useHttpGet()
			.execute();
	}

	/** HAPI's generic client on {@code /fhir} with the staff member's bearer token. */
	protected IGenericClient client(String username) {
		return clientWithToken(tokenFor(username));
	}

	/**
	 * HAPI's generic client on {@code /fhir} with this bearer token (a backend client's).
	 */
	protected IGenericClient clientWithToken(String token) {
		this.context.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
		IGenericClient client = this.context.newRestfulGenericClient("http://localhost:" + this.port + "/fhir");
		client.registerInterceptor(new BearerTokenAuthInterceptor(token));
		return client;
	}

}
