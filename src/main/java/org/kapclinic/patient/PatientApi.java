package org.kapclinic.patient;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/patients")
@Tag(name = "Patients")
class PatientApi {

	private final PatientService patients;

	PatientApi(PatientService patients) {
		this.patients = patients;
	}

	@PostMapping
	@Operation(summary = "Register a patient",
			description = "Patients under the age of majority (18 by default) need at least one guardian.")
	ResponseEntity<PatientView> create(@Valid @RequestBody PatientDetails details) {
		PatientView created = this.patients.register(details);
		return ResponseEntity.created(URI.create("/api/v1/patients/" + created.id())).body(created);
	}

	@GetMapping
	@Operation(summary = "Search patients by name prefixes, MRN (KAP-123456) or date of birth (YYYY-MM-DD)",
			description = "Nurses and therapists find only patients on their care teams.")
	SearchPage<PatientListItem> search(@RequestParam(required = false) @Size(max = 100) String q,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return this.patients.search(q, page, size);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a patient")
	PatientView read(@PathVariable UUID id) {
		return this.patients.read(id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Update a patient's registration",
			description = "Send the whole record with the version you read; a stale version answers 409.")
	PatientView update(@PathVariable UUID id, @Valid @RequestBody PatientDetails details) {
		return this.patients.update(id, details);
	}

	@GetMapping("/{id}/care-team")
	List<CareTeamMember> careTeam(@PathVariable UUID id) {
		return this.patients.careTeam(id);
	}

	@PutMapping("/{id}/care-team")
	@Operation(summary = "Replace the care team (prescribers and administrators)",
			description = "Members are user ids of active prescribers, nurses or therapists.")
	CareTeam replaceCareTeam(@PathVariable UUID id, @Valid @RequestBody CareTeam team) {
		return new CareTeam(
				this.patients.replaceCareTeam(id, team.members()).stream().map(CareTeamMember::userId).toList());
	}

	@GetMapping("/{id}/body-measurements")
	@Operation(summary = "Weight and height history, newest first (voided entries marked)")
	List<BodyMeasurement> measurements(@PathVariable UUID id) {
		return this.patients.measurements(id);
	}

	@PostMapping("/{id}/body-measurements")
	@Operation(summary = "Record weight and/or height")
	ResponseEntity<BodyMeasurement> recordMeasurement(@PathVariable UUID id,
			@Valid @RequestBody NewMeasurement measurement) {
		BodyMeasurement saved = this.patients.recordMeasurement(id, measurement.weightKg(), measurement.heightCm(),
				measurement.measuredAt());
		return ResponseEntity.created(URI.create("/api/v1/patients/" + id + "/body-measurements/" + saved.id()))
			.body(saved);
	}

	@PostMapping("/{id}/body-measurements/{measurementId}/void")
	@Operation(summary = "Void a measurement entered in error (a reason is required)")
	ResponseEntity<Void> voidMeasurement(@PathVariable UUID id, @PathVariable UUID measurementId,
			@Valid @RequestBody VoidRequest request) {
		this.patients.voidMeasurement(id, measurementId, request.reason());
		return ResponseEntity.noContent().build();
	}

	record CareTeam(@NotNull @Size(max = 50) List<@NotNull UUID> members) {
	}

	record NewMeasurement(
			@DecimalMin("1.0") @DecimalMax("500.0") @Digits(integer = 3, fraction = 2) BigDecimal weightKg,
			@DecimalMin("30.0") @DecimalMax("260.0") @Digits(integer = 3, fraction = 1) BigDecimal heightCm,
			@Parameter(description = "when measured; defaults to now") Instant measuredAt) {
	}

	record VoidRequest(@NotBlank @Size(max = 500) String reason) {
	}

}
