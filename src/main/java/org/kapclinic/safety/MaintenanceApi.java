package org.kapclinic.safety;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The maintenance review over the API (issue 19). */
@RestController
class MaintenanceApi {

	private final MaintenanceReviews reviews;

	MaintenanceApi(MaintenanceReviews reviews) {
		this.reviews = reviews;
	}

	@PostMapping("/api/v1/patients/{id}/maintenance-reviews")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A prescriber records a maintenance review {\"decision\":\"CONTINUE|TAPER|PAUSE|STOP\","
			+ "\"reason\":…,\"courseId\":…}; the next is due kap.safety.maintenance-review-interval later")
	MaintenanceReview record(@PathVariable UUID id, @RequestBody ReviewRequest request) {
		return this.reviews.record(id, request);
	}

	@GetMapping("/api/v1/patients/{id}/maintenance-reviews")
	@Operation(summary = "Whether the patient is on maintenance dosing, when the next review is due, whether it is "
			+ "overdue (dose bookings refused: MAINTENANCE_REVIEW_OVERDUE), and every review")
	MaintenanceStatus status(@PathVariable UUID id) {
		return this.reviews.status(id);
	}

}
