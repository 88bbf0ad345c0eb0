package org.kapclinic.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;

import org.kapclinic.IntegrationTest;

/** An integration test of the FHIR API through HAPI's own client, as staff. */
abstract class FhirIntegrationTest extends IntegrationTest {

	protected final FhirContext context = FhirContext.forR4Cached();

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
