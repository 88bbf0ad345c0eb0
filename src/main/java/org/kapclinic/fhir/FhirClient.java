package org.kapclinic.fhir;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A registered backend service (its keys are not shown once registered). */
record FhirClient(UUID id, String clientId, String name, List<String> scopes, boolean external, String jwks,
		String jwksUrl, Instant registeredAt, Instant revokedAt) {

}
