package org.kapclinic.notes;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Outside providers, disclosures and the accounting of disclosures. */
@RestController
@Tag(name = "Disclosures")
class DisclosuresApi {

	private final OutsideProviders providers;

	private final Disclosures disclosures;

	DisclosuresApi(OutsideProviders providers, Disclosures disclosures) {
		this.providers = providers;
		this.disclosures = disclosures;
	}

	@GetMapping("/api/v1/outside-providers")
	@Operation(summary = "The directory of outside providers")
	List<OutsideProvider> providers() {
		return this.providers.list();
	}

	@PostMapping("/api/v1/outside-providers")
	@Operation(summary = "Add an outside provider (clinicians, ADMIN)",
			description = "{\"name\",\"credentials\",\"practice\",\"secureContact\"}; name and secureContact required.")
	ResponseEntity<OutsideProvider> addProvider(@Valid @RequestBody ProviderRequest request) {
		OutsideProvider provider = this.providers.add(request.name(), request.credentials(), request.practice(),
				request.secureContact());
		return ResponseEntity.created(URI.create("/api/v1/outside-providers/" + provider.id())).body(provider);
	}

	@PostMapping("/api/v1/patients/{id}/disclosures")
	@Operation(summary = "Share a summary with an outside provider (PDF)",
			description = "content: any of COURSE_STATUS, DOSES, OUTCOMES, INTEGRATION_THEMES (themes: the "
					+ "clinician's wording). 422 NO_COVERING_RELEASE unless the patient has an active "
					+ "RELEASE_OF_INFORMATION naming this provider (details.providerId, or recipientName) and "
					+ "listing every content (details.content). Psychotherapy notes are never disclosed.")
	ResponseEntity<Disclosure> disclose(@PathVariable UUID id, @Valid @RequestBody DisclosureRequest request) {
		Disclosure disclosure = this.disclosures.disclose(id, request.providerId(), request.content(),
				request.themes());
		return ResponseEntity.created(URI.create(disclosure.pdf())).body(disclosure);
	}

	@GetMapping("/api/v1/patients/{id}/disclosures")
	@Operation(summary = "Accounting of disclosures: what, to whom, when, under which consent")
	List<Disclosure> accounting(@PathVariable UUID id) {
		return this.disclosures.accounting(id);
	}

	@GetMapping("/api/v1/disclosures/{id}/pdf")
	@Operation(summary = "The exact PDF that was disclosed")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("disclosure-" + id + ".pdf").build().toString())
			.body(this.disclosures.pdf(id));
	}

	record ProviderRequest(@Size(max = 200) String name, @Size(max = 200) String credentials,
			@Size(max = 200) String practice, @Size(max = 300) String secureContact) {
	}

	record DisclosureRequest(UUID providerId, @Size(max = 10) List<String> content, @Size(max = 4000) String themes) {
	}

}
