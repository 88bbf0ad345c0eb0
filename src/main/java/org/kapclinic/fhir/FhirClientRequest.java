package org.kapclinic.fhir;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * A backend service to register: its public keys, inline ({@code jwks}, a JWK Set) or
 * where to fetch them ({@code jwksUrl}, https), and the SMART system scopes it may ask
 * for ({@code system/Patient.rs}, {@code system/*.read}, …). {@code external}: the client
 * belongs to another organization (default true).
 */
record FhirClientRequest(@NotBlank @Size(max = 200) String name, Map<String, Object> jwks,
		@Size(max = 2000) String jwksUrl, @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 100) String> scopes,
		Boolean external) {
}
