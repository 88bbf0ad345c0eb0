package org.kapclinic.intake;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.kapclinic.intake.ConsentSignature.SignerRole;
import org.kapclinic.intake.IntakeAnswers.AntidepressantTrial;
import org.kapclinic.intake.IntakeAnswers.Medication;
import org.kapclinic.intake.IntakeAnswers.Vitals;
import org.kapclinic.intake.Decision.Outcome;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Intake, screening, decisions, eligibility and consent over JSON. */
@RestController
@Tag(name = "Intake, eligibility and consent")
class IntakeApi {

	private final IntakeService intakes;

	private final ScreeningService screenings;

	private final Eligibility eligibility;

	private final ConsentService consents;

	private final ConsentDocuments documents;

	private final DiagnosisCatalog diagnoses;

	private final IntakeLinks links;

	IntakeApi(IntakeService intakes, ScreeningService screenings, Eligibility eligibility, ConsentService consents,
			ConsentDocuments documents, DiagnosisCatalog diagnoses, IntakeLinks links) {
		this.intakes = intakes;
		this.screenings = screenings;
		this.eligibility = eligibility;
		this.consents = consents;
		this.documents = documents;
		this.diagnoses = diagnoses;
		this.links = links;
	}

	@PutMapping("/api/v1/patients/{id}/intake")
	@Operation(summary = "Save the intake (a draft until submitted with \"submit\": true)",
			description = "Condition codes, drug classes and ICD-10-CM codes are checked; unknown codes answer 400. "
					+ "Every save is a new revision; decisions made on an earlier revision no longer count.")
	IntakeView saveIntake(@PathVariable UUID id, @Valid @RequestBody IntakeRequest request) {
		return this.intakes.save(id, request.answers(), Boolean.TRUE.equals(request.submit()));
	}

	@GetMapping("/api/v1/patients/{id}/intake")
	IntakeView readIntake(@PathVariable UUID id) {
		return this.intakes.read(id);
	}

	@PostMapping("/api/v1/patients/{id}/intake-links")
	@Operation(summary = "Create a single-use link for the patient to fill in their own intake",
			description = "The patient confirms their date of birth; the link expires (7 days by default) and closes "
					+ "once the intake is submitted. The token is shown only in this answer.")
	ResponseEntity<Map<String, Object>> createLink(@PathVariable UUID id) {
		IntakeLinks.IssuedLink link = this.links.create(id);
		String url = link.url();
		return ResponseEntity.status(HttpStatus.CREATED)
			.header("Cache-Control", "no-store")
			.body(Map.of("url", url, "token", link.token(), "expiresAt", link.expiresAt()));
	}

	@GetMapping("/api/v1/diagnoses")
	@Operation(summary = "Search the shipped ICD-10-CM list by code or words of the title")
	List<DiagnosisCatalog.Diagnosis> searchDiagnoses(@RequestParam(defaultValue = "") @Size(max = 100) String q) {
		return this.diagnoses.search(q, 50);
	}

	@PostMapping("/api/v1/patients/{id}/screenings")
	@Operation(summary = "Screen the submitted intake against the current rule set")
	ResponseEntity<Screening> screen(@PathVariable UUID id) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.screenings.screen(id));
	}

	@GetMapping("/api/v1/patients/{id}/screenings")
	List<Screening> screenings(@PathVariable UUID id) {
		return this.screenings.screenings(id);
	}

	@PostMapping("/api/v1/screenings/{id}/decision")
	@Operation(summary = "Record the prescriber's eligibility decision for one program",
			description = "PRESCRIBER only. 422 when the decision contradicts the findings (an absolute finding "
					+ "allows only NOT_ELIGIBLE; each relative finding needs a mitigation) or the intake changed.")
	ResponseEntity<Decision> decide(@PathVariable UUID id, @Valid @RequestBody DecisionRequest request) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.screenings.decide(id, request.program(), request.decision(), request.mitigations(),
					request.note()));
	}

	@GetMapping("/api/v1/patients/{id}/eligibility")
	@Operation(summary = "Where the patient stands for a program, and what is missing before a first dose")
	EligibilityStatus eligibility(@PathVariable UUID id, @RequestParam Program program) {
		return this.eligibility.status(id, program);
	}

	@GetMapping("/api/v1/consent-documents")
	@Operation(summary = "The current version of every consent document")
	List<ConsentDocument> consentDocuments() {
		return this.documents.current();
	}

	@PostMapping("/api/v1/consent-documents/{code}")
	@Operation(summary = "Publish a new version of a consent text (ADMIN); old signatures keep their version")
	ResponseEntity<ConsentDocument> publishConsentDocument(@PathVariable String code,
			@Valid @RequestBody DocumentText request, java.security.Principal principal) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.documents.publish(code, request.body(), principal.getName()));
	}

	@PostMapping("/api/v1/patients/{id}/consents")
	@Operation(summary = "Record a signature on the current version of a consent document",
			description = "A minor's consent is a GUARDIAN signature (name on file) on the program document plus the "
					+ "patient's own PATIENT signature on ASSENT_MINOR.")
	ResponseEntity<ConsentSignature> sign(@PathVariable UUID id, @Valid @RequestBody SignatureRequest request) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.consents.sign(id, request.document(), request.version(), request.signerName(),
					request.signerRole(), request.details()));
	}

	@GetMapping("/api/v1/patients/{id}/consents")
	List<ConsentSignature> consents(@PathVariable UUID id) {
		return this.consents.signatures(id);
	}

	@PostMapping("/api/v1/consents/{id}/withdraw")
	@Operation(summary = "Record that the patient withdrew this consent (never deleted)")
	ConsentSignature withdraw(@PathVariable UUID id, @Valid @RequestBody WithdrawalRequest request) {
		return this.consents.withdraw(id, request.reason());
	}

	/** The intake answers, plus whether to submit them. */
	record IntakeRequest(@Valid @Size(max = 30) List<@NotBlank @Size(max = 10) String> diagnoses,
			@Size(max = 40) List<@NotBlank @Size(max = 40) String> conditions,
			@Valid @Size(max = 40) List<@Valid Medication> medications,
			@Valid @Size(max = 30) List<@Valid AntidepressantTrial> antidepressantTrials, @Valid Vitals vitals,
			@Size(max = 2000) String allergies, @Size(max = 2000) String substanceUse,
			@Size(max = 2000) String priorKetamineOrPsychedelicExperience, @Size(max = 4000) String notes,
			Boolean submit) {

		IntakeAnswers answers() {
			return new IntakeAnswers(this.diagnoses, this.conditions, this.medications, this.antidepressantTrials,
					this.vitals, this.allergies, this.substanceUse, this.priorKetamineOrPsychedelicExperience,
					this.notes);
		}

	}

	record DecisionRequest(@NotNull Program program, @NotNull Outcome decision, Map<String, String> mitigations,
			@Size(max = 4000) String note) {
	}

	record SignatureRequest(@NotBlank String document, @NotNull Integer version,
			@NotBlank @Size(max = 200) String signerName, @NotNull SignerRole signerRole, Map<String, String> details) {
	}

	record WithdrawalRequest(@NotBlank @Size(max = 2000) String reason) {
	}

	record DocumentText(@NotBlank @Size(max = 50_000) String body) {
	}

}
