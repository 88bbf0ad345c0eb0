package org.kapclinic.intake.consultation;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.kapclinic.patient.PatientView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Consultation requests")
class ConsultationApi {

	/** Shown with every answer to the public: the page is not a crisis service. */
	static final String CRISIS_NOTICE = "If you are in crisis or thinking about harming yourself, call or text 988 "
			+ "(Suicide & Crisis Lifeline, US) now, or your local emergency number. This form is not monitored "
			+ "around the clock.";

	private final ConsultationService consultations;

	ConsultationApi(ConsultationService consultations) {
		this.consultations = consultations;
	}

	@PostMapping("/api/v1/consultation-requests")
	@Operation(summary = "Ask for a free consultation (public, no sign-in; rate-limited per address)")
	ResponseEntity<Map<String, Object>> submit(@Valid @RequestBody ConsultationRequestForm form,
			HttpServletRequest request) {
		this.consultations.submit(form, request.getRemoteAddr());
		return ResponseEntity.accepted()
			.body(Map.of("received", true, "message", "Thank you. The clinic will contact you.", "crisis",
					CRISIS_NOTICE));
	}

	@GetMapping("/api/v1/consultation-requests")
	@Operation(summary = "The triage queue: open requests oldest first, or all of one status",
			description = "For `kap.consultation.triage-roles` (default FRONT_DESK, PRESCRIBER, ADMIN; others 403); "
					+ "`page` from 0, `size` up to 200 (default 50).")
	List<ConsultationRequest> list(@RequestParam(required = false) ConsultationStatus status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return this.consultations.list(status, page, size);
	}

	@PostMapping("/api/v1/consultation-requests/{id}/status")
	@Operation(summary = "Move a request along: CONTACTED, CONSULTATION_BOOKED, or DECLINED (with a reason)")
	ConsultationRequest changeStatus(@PathVariable UUID id, @Valid @RequestBody StatusChange change) {
		return this.consultations.changeStatus(id, change.status(), change.reason());
	}

	@PostMapping("/api/v1/consultation-requests/{id}/convert")
	@Operation(summary = "Create the patient record from the request (registration rules apply)",
			description = "A possible duplicate of a registered patient answers 409 with code POSSIBLE_DUPLICATE and "
					+ "the matches; send confirmDuplicate: true to register a different person anyway.")
	ResponseEntity<PatientView> convert(@PathVariable UUID id, @RequestBody(required = false) Convert convert) {
		PatientView patient = this.consultations.convert(id,
				convert != null && Boolean.TRUE.equals(convert.confirmDuplicate()));
		return ResponseEntity.created(URI.create("/api/v1/patients/" + patient.id())).body(patient);
	}

	record Convert(Boolean confirmDuplicate) {
	}

	record StatusChange(@NotNull ConsultationStatus status, @Size(max = 1000) String reason) {
	}

}
