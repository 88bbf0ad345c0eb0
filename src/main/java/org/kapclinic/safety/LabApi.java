package org.kapclinic.safety;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Lab results over the API (issue 19). */
@RestController
class LabApi {

	private final LabResults labs;

	LabApi(LabResults labs) {
		this.labs = labs;
	}

	@PostMapping("/api/v1/patients/{id}/lab-results")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a lab result {\"code\" (LOINC),\"value\",\"unit\",\"referenceLow\",\"referenceHigh\","
			+ "\"collectedAt\"}, or for a positive/negative test {\"code\",\"result\",\"collectedAt\"} → its id "
			+ "and flags (HIGH, LOW, PRESCRIBER_REVIEW above the clinic's multiple of the upper limit, POSITIVE, "
			+ "HAEMATURIA_REVIEW; a review flag opens an urgent task, a positive drug screen a routine one)")
	LabResult record(@PathVariable UUID id, @RequestBody LabResultRequest request) {
		return this.labs.record(id, request);
	}

	/** Why an entry is voided. */
	record VoidRequest(String reason) {
	}

	@PostMapping("/api/v1/patients/{id}/lab-results/{resultId}/void")
	@Operation(summary = "Void a wrong entry with a reason {\"reason\"}: it leaves the list, the trend and the "
			+ "signals, and is kept with who voided it and why")
	LabResult voidResult(@PathVariable UUID id, @PathVariable UUID resultId, @RequestBody VoidRequest request) {
		return this.labs.voidResult(id, resultId, request.reason());
	}

	@GetMapping("/api/v1/patients/{id}/lab-results")
	@Operation(summary = "The patient's lab results by test, oldest first within a test")
	List<LabResult> list(@PathVariable UUID id) {
		return this.labs.list(id);
	}

}
