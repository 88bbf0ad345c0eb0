package org.kapclinic.identity;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Bearer tokens that are not staff tokens: access tokens the FHIR module's authorization
 * server issued to registered backend services (SMART Backend Services, issue 22). The
 * FHIR module implements this (identity sits below it); the API chain asks it only for
 * requests under {@code /fhir/}, so such a token opens nothing else.
 */
public interface BackendClients {

	/** The client a valid, unexpired access token was issued to; empty otherwise. */
	Optional<BackendClient> authenticate(String token);

	/**
	 * A registered backend service, acting on its own: it reads with a prescriber's reach
	 * (every patient, clinical content), narrowed to the resource types and interactions
	 * of its {@code scopes}, which the FHIR server checks on every request.
	 *
	 * @param id the registration's id (the audit trail's actor id)
	 * @param clientId the OAuth client id (the audit trail's actor, as
	 * {@code fhir-client:<clientId>})
	 * @param external whether the client belongs to another organization (exports leave
	 * out patients whose release of information is withdrawn)
	 */
	record BackendClient(UUID id, String clientId, String name, Set<String> scopes, boolean external) {

		/** How the client appears as the actor of what it does. */
		public String actorName() {
			return "fhir-client:" + this.clientId;
		}

	}

	/** The authority every backend-service token carries. */
	String AUTHORITY = "FHIR_BACKEND_CLIENT";

	/** The prefix of the authorities that carry a token's scopes. */
	String SCOPE_PREFIX = "SCOPE_";

}
