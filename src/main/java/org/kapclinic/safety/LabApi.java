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
			+ "\"collectedAt\"} → its id and flags (HIGH, LOW, PRESCRIBER_REVIEW above the clinic's multiple of the "
			+ "upper limit, which also opens an urgent task)")
	LabResult record(@PathVariable UUID id, @RequestBody LabResultRequest request) {
		return this.labs.record(id, request);
	}

	@GetMapping("/api/v1/patients/{id}/lab-results")
	@Operation(summary = "The patient's lab results by test, oldest first within a test")
	List<LabResult> list(@PathVariable UUID id) {
		return this.labs.list(id);
	}

}
