package org.kapclinic.patient;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Break-glass over the API (issue 16 finding 2). */
@RestController
@Tag(name = "Patients")
class BreakGlassApi {

	private final BreakGlass breakGlass;

	BreakGlassApi(BreakGlass breakGlass) {
		this.breakGlass = breakGlass;
	}

	@PostMapping("/api/v1/patients/{id}/break-glass")
	@Operation(summary = "Emergency access to a chart outside your care team (nurse, therapist)",
			description = "`{\"reason\"}` of at least 20 characters. Grants the caller the care team's view of the "
					+ "chart for kap.security.break-glass-duration (60 min), audited as BREAK_GLASS, with an urgent "
					+ "review task for the administrators and the patient's prescriber. Needs a step-up code "
					+ "(X-KAP-OTP) from whoever has a second factor. 409 when the caller already has access.")
	ResponseEntity<Grant> open(@PathVariable UUID id, @RequestBody Reason request) {
		return ResponseEntity.status(201).body(Grant.of(this.breakGlass.open(id, request.reason())));
	}

	@GetMapping("/api/v1/break-glass")
	@Operation(summary = "Every break-glass with its review, newest first (ADMIN, PRESCRIBER)")
	List<Grant> report() {
		return this.breakGlass.report(500).stream().map(Grant::of).toList();
	}

	@PostMapping("/api/v1/break-glass/{id}/review")
	@Operation(summary = "Record the review of a break-glass (ADMIN, or a prescriber)",
			description = "`{\"outcome\": \"APPROPRIATE\" | \"NOT_APPROPRIATE\", \"note\"?}`; closes its review task. "
					+ "Nobody reviews their own.")
	Grant review(@PathVariable UUID id, @RequestBody Review request) {
		return Grant.of(this.breakGlass.review(id, request.outcome(), request.note()));
	}

	/**
	 * @param reason why the chart is needed now
	 */
	record Reason(String reason) {
	}

	record Review(BreakGlassOutcome outcome, String note) {
	}

	record Grant(UUID id, UUID patientId, UUID userId, String reason, java.time.Instant grantedAt,
			java.time.Instant expiresAt, java.time.Instant reviewedAt, UUID reviewedBy, BreakGlassOutcome outcome,
			String reviewNote) {

		static Grant of(BreakGlass.Grant grant) {
			return new Grant(grant.id(), grant.patientId(), grant.userId(), grant.reason(), grant.grantedAt(),
					grant.expiresAt(), grant.reviewedAt(), grant.reviewedBy(), grant.outcome(), grant.reviewNote());
		}

	}

}
