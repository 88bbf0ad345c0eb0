package org.kapclinic.fhir;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Registering backend services for the FHIR API (ADMIN). */
@RestController
@Tag(name = "FHIR clients")
class FhirClientApi {

	private final FhirClients clients;

	FhirClientApi(FhirClients clients) {
		this.clients = clients;
	}

	@PostMapping("/api/v1/fhir-clients")
	@Operation(summary = "Register a SMART backend service: its public keys (jwks or jwksUrl) and allowed scopes")
	ResponseEntity<ClientView> register(@Valid @RequestBody FhirClientRequest request) {
		FhirClient client = this.clients.register(request);
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
		return ResponseEntity.created(URI.create(base + "/api/v1/fhir-clients/" + client.clientId()))
			.body(ClientView.of(client, base));
	}

	@GetMapping("/api/v1/fhir-clients")
	@Operation(summary = "The registered backend services")
	List<ClientView> all() {
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
		return this.clients.all().stream().map((c) -> ClientView.of(c, base)).toList();
	}

	/** A registration as the administrator sees it, with where the client gets tokens. */
	record ClientView(String clientId, String name, List<String> scopes, boolean external, boolean keysInline,
			String jwksUrl, String tokenEndpoint, Instant registeredAt, Instant revokedAt) {

		static ClientView of(FhirClient c, String base) {
			return new ClientView(c.clientId(), c.name(), c.scopes(), c.external(), c.jwks() != null, c.jwksUrl(),
					base + SmartDiscovery.TOKEN_PATH, c.registeredAt(), c.revokedAt());
		}

	}

}
