/**
 * FHIR R4 (4.0.1) at {@code /fhir} (issue 22, ADR 10): HAPI FHIR's plain
 * {@code RestfulServer} with resource providers that read through the other modules'
 * APIs, so every FHIR read runs the chart's access rules and audit. No second database,
 * no JPA server.
 */
@org.springframework.modulith.ApplicationModule(displayName = "FHIR R4 API", allowedDependencies = { "patient",
		"measures", "dosing", "ledger", "intake", "scheduling", "notes", "identity", "audit", "shared" })
package org.kapclinic.fhir;
