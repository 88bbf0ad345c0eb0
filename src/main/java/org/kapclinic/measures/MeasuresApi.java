package org.kapclinic.measures;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Outcome measures")
class MeasuresApi {

	private final InstrumentLibrary library;

	private final MeasurementService measurements;

	private final MeasurementSummaries summaries;

	private final RiskFlags flags;

	MeasuresApi(InstrumentLibrary library, MeasurementService measurements, MeasurementSummaries summaries,
			RiskFlags flags) {
		this.library = library;
		this.measurements = measurements;
		this.summaries = summaries;
		this.flags = flags;
	}

	@GetMapping("/api/v1/instruments")
	@Operation(summary = "The instrument library: items, options, scoring, bands, licence and source of each")
	List<Instrument> instruments() {
		return this.library.all();
	}

	@PostMapping("/api/v1/patients/{id}/measurements")
	@Operation(summary = "Record and score an administration",
			description = "Forms: answers in item order (the chosen option's score; null when unanswered; yes/no as "
					+ "1/0). Score entry: total (plus risk for C-SSRS, optional itemScores). Out-of-range answers are "
					+ "400 and nothing is stored. A suicide-risk answer opens a risk flag.")
	ResponseEntity<Measurement> record(@PathVariable UUID id, @Valid @RequestBody MeasurementRequest request) {
		Measurement measurement = this.measurements.record(id, request);
		return ResponseEntity.created(URI.create("/api/v1/patients/" + id + "/measurements/" + measurement.id()))
			.body(measurement);
	}

	@GetMapping("/api/v1/patients/{id}/measurements")
	@Operation(summary = "The patient's administrations, newest first")
	List<Measurement> list(@PathVariable UUID id, @RequestParam(required = false) @Size(max = 40) String instrument,
			@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
		return this.measurements.list(id, instrument, limit);
	}

	@GetMapping("/api/v1/patients/{id}/measurements/summary")
	@Operation(summary = "Baseline, latest, change, response, remission and meaningful change",
			description = "Judged by the instrument's own published definitions (null where it publishes none). "
					+ "The baseline is the last complete administration on or before the course's first dose, "
					+ "within kap.measures.baseline-window (30 days) before it; without courseId, the current "
					+ "course (latest first dose); without any recorded course dose, the first complete "
					+ "administration. baselineUsed says which. A courseId with no recorded dose for the "
					+ "patient is 404.")
	MeasurementSummary summary(@PathVariable UUID id, @RequestParam @NotBlank String instrument,
			@RequestParam(required = false) UUID courseId) {
		return this.summaries.summary(id, instrument, courseId);
	}

	@GetMapping("/api/v1/patients/{id}/flags")
	@Operation(summary = "The patient's open risk flags, each with its dated reviews (oldest first)")
	List<RiskFlag> openFlags(@PathVariable UUID id) {
		return this.flags.open(id);
	}

	@PostMapping("/api/v1/flags/{id}/close")
	@Operation(summary = "Close a risk flag with the clinician's documented safety assessment and plan")
	RiskFlag close(@PathVariable UUID id, @Valid @RequestBody Closure closure) {
		return this.flags.close(id, closure.assessment(), closure.plan());
	}

	@PostMapping("/api/v1/flags/{id}/reviews")
	@Operation(summary = "Record a dated review of an open risk flag: the safety assessment and plan",
			description = "Clinicians on the care team (prescriber, nurse, therapist), as for closing. The flag "
					+ "stays open; the review is audited and kept as history. A review on the current clinic day, "
					+ "after the flag's latest risk answer, lets a dose go ahead while a suicide-risk flag is open. "
					+ "400 names a missing assessment or plan; 422 when the flag is already closed.")
	ResponseEntity<RiskFlagReview> review(@PathVariable UUID id, @Valid @RequestBody Closure review) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.flags.review(id, review.assessment(), review.plan()));
	}

	/** A safety assessment and plan, to close or review a flag. */
	record Closure(@Size(max = 8000) String assessment, @Size(max = 8000) String plan) {
	}

}
