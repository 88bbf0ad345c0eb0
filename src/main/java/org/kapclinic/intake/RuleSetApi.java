package org.kapclinic.intake;

import java.security.Principal;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Intake, eligibility and consent")
class RuleSetApi {

	private final RuleSets ruleSets;

	RuleSetApi(RuleSets ruleSets) {
		this.ruleSets = ruleSets;
	}

	@GetMapping("/api/v1/eligibility/rule-set")
	@Operation(summary = "The eligibility rule set screenings use now (format: eligibility/README.md)")
	JsonNode current() {
		return this.ruleSets.currentDocument();
	}

	@PostMapping("/api/v1/eligibility/rule-sets")
	@Operation(summary = "Publish a new rule-set version (ADMIN; audited; versions are never overwritten)")
	ResponseEntity<Map<String, Object>> publish(@RequestBody JsonNode document, Principal principal) {
		RuleSet published = this.ruleSets.publish(document, principal.getName());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(Map.of("version", published.version(), "rules", published.rules().size()));
	}

}
