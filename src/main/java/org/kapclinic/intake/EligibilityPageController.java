package org.kapclinic.intake;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Validator;

import org.kapclinic.intake.ConsentSignature.SignerRole;
import org.kapclinic.intake.Decision.Outcome;
import org.kapclinic.intake.IntakeView.IntakeStatus;
import org.kapclinic.patient.PatientSummary;
import org.kapclinic.patient.Patients;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.RuleViolationException;
import org.kapclinic.shared.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A patient's eligibility and consent page, and the staff intake form. The services check
 * access, rules and audit; this only turns form posts into calls and refusals into
 * messages.
 */
@Controller
class EligibilityPageController {

	private static final String ELIGIBILITY = "intake/eligibility";

	private static final String FORM = "intake/form";

	private final IntakeService intakes;

	private final ScreeningService screenings;

	private final Eligibility eligibility;

	private final ConsentService consents;

	private final ConsentDocuments documents;

	private final DiagnosisCatalog diagnoses;

	private final Patients patients;

	private final Validator validator;

	private final ClinicTime clinicTime;

	private final IntakeLinks links;

	private final Questionnaires questionnaires;

	EligibilityPageController(IntakeService intakes, ScreeningService screenings, Eligibility eligibility,
			ConsentService consents, ConsentDocuments documents, DiagnosisCatalog diagnoses, Patients patients,
			Validator validator, ClinicTime clinicTime, IntakeLinks links, Questionnaires questionnaires) {
		this.intakes = intakes;
		this.screenings = screenings;
		this.eligibility = eligibility;
		this.consents = consents;
		this.documents = documents;
		this.diagnoses = diagnoses;
		this.patients = patients;
		this.validator = validator;
		this.clinicTime = clinicTime;
		this.links = links;
		this.questionnaires = questionnaires;
	}

	@GetMapping("/patients/{id}/eligibility")
	String eligibility(@PathVariable UUID id, Model model) {
		// The first service call checks access before anything else is read.
		List<EligibilityStatus> statuses = Arrays.stream(Program.values())
			.map((program) -> this.eligibility.status(id, program))
			.toList();
		IntakeView intake = intakeOrNull(id);
		List<Screening> history = this.screenings.screenings(id);
		Screening latest = history.isEmpty() ? null : history.get(0);
		model.addAttribute("programs",
				statuses.stream().map((status) -> EligibilityPage.panel(status, latest)).toList());
		model.addAttribute("intake", intake);
		model.addAttribute("questionnaire", this.questionnaires.forStaff(id).orElse(null));
		model.addAttribute("screening", latest);
		model.addAttribute("screeningOutdated",
				latest != null && intake != null && latest.intakeRevision() != intake.revision());
		model.addAttribute("signatures", this.consents.signatures(id));
		List<ConsentDocument> current = this.documents.current();
		model.addAttribute("documents",
				offeredDocuments(current, this.patients.summary(id).map(PatientSummary::minor).orElse(false)));
		model.addAttribute("documentTitles", current.stream()
			.collect(java.util.stream.Collectors.toMap(ConsentDocument::code, ConsentDocument::title, (a, b) -> a)));
		model.addAttribute("releaseContent", ReleasesOfInformation.CONTENT_LABELS.entrySet());
		model.addAttribute("outcomes", EligibilityPage.options(Outcome.values()));
		model.addAttribute("signerRoles", EligibilityPage.options(SignerRole.values()));
		return withPatient(id, model, ELIGIBILITY);
	}

	@PostMapping("/patients/{id}/intake-links")
	String createLink(@PathVariable UUID id, RedirectAttributes redirect) {
		IntakeLinks.IssuedLink link = this.links.create(id);
		String url = link.url();
		redirect.addFlashAttribute("message", "Link for the patient (shown once; works until "
				+ link.expiresAt().atZone(this.clinicTime.timeZone()).toLocalDate() + " or until submitted): " + url);
		return backToEligibility(id);
	}

	@PostMapping("/patients/{id}/screenings")
	String screen(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			Screening screening = this.screenings.screen(id);
			redirect.addFlashAttribute("message", "Screened: " + screening.findings().size() + " finding(s)");
		}
		catch (InvalidInputException | RuleViolationException ex) {
			Refusal.flash(redirect, ex, id);
		}
		return backToEligibility(id);
	}

	@PostMapping("/patients/{id}/decisions")
	String decide(@PathVariable UUID id, @RequestParam UUID screeningId, @RequestParam Program program,
			@RequestParam Outcome decision, @RequestParam(required = false) String note,
			@RequestParam Map<String, String> params, RedirectAttributes redirect) {
		Map<String, String> mitigations = new LinkedHashMap<>();
		params.forEach((name, value) -> {
			if (name.startsWith("mitigations[") && name.endsWith("]") && value != null && !value.isBlank()) {
				mitigations.put(name.substring("mitigations[".length(), name.length() - 1), value.trim());
			}
		});
		try {
			this.screenings.decide(screeningId, program, decision, mitigations,
					(note == null || note.isBlank()) ? null : note.trim());
			redirect.addFlashAttribute("message", "Decision recorded: " + EligibilityPage.program(program) + ", "
					+ EligibilityPage.label(decision.name()).toLowerCase(Locale.ROOT) + ".");
		}
		catch (InvalidInputException | RuleViolationException ex) {
			Refusal.flash(redirect, ex, id);
		}
		return backToEligibility(id);
	}

	@GetMapping("/patients/{id}/intake")
	String intake(@PathVariable UUID id, Model model) {
		IntakeView intake = intakeOrNull(id);
		IntakeForm form = (intake != null) ? IntakeForm.of(intake.answers()) : IntakeForm.blank();
		return intakeForm(id, form, intake, List.of(), model);
	}

	@PostMapping("/patients/{id}/intake")
	String saveIntake(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params,
			@RequestParam(defaultValue = "false") boolean submit, Model model, RedirectAttributes redirect) {
		IntakeForm form = IntakeForm.of(params);
		try {
			IntakeAnswers answers = form.answers();
			List<FieldProblem> problems = IntakeForm.constraintProblems(this.validator, answers);
			if (!problems.isEmpty()) {
				throw new InvalidInputException(problems);
			}
			IntakeView saved = this.intakes.save(id, answers, submit);
			String what = submit ? "Intake submitted" : (saved.status() == IntakeStatus.SUBMITTED)
					? "Changes saved; the intake stays submitted" : "Draft saved";
			redirect.addFlashAttribute("message", what + " (revision " + saved.revision() + ").");
			return backToEligibility(id);
		}
		catch (InvalidInputException ex) {
			return intakeForm(id, form, intakeOrNull(id), ex.problems(), model);
		}
	}

	private String intakeForm(UUID id, IntakeForm form, IntakeView intake, List<FieldProblem> problems, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("intake", intake);
		model.addAttribute("problems", problems);
		model.addAttribute("invalid", IntakeForm.invalidFields(problems));
		EligibilityPage.intakeChoices(model, this.diagnoses);
		model.addAttribute("formAction", "/patients/" + id + "/intake");
		model.addAttribute("staffView", true);
		return withPatient(id, model, FORM);
	}

	/**
	 * The intake, or null when there is none yet. A patient the user may not see is "not
	 * found" too, and must stay an error.
	 */
	private IntakeView intakeOrNull(UUID id) {
		try {
			return this.intakes.read(id);
		}
		catch (NotFoundException ex) {
			if (!IntakeService.RESOURCE.equals(ex.resourceType())) {
				throw ex;
			}
			return null;
		}
	}

	/** Only after a service call has checked access: the summary itself does not. */
	private String withPatient(UUID id, Model model, String view) {
		model.addAttribute("patient",
				this.patients.summary(id).orElseThrow(() -> new NotFoundException("Patient", id)));
		model.addAttribute("zone", this.clinicTime.timeZone().getId());
		return view;
	}

	private static String backToEligibility(UUID id) {
		return "redirect:/patients/" + id + "/eligibility";
	}

	/**
	 * The documents to offer for a signature: a minor's assent is never offered for an
	 * adult (issue 14: an adult was given a minor's assent without warning).
	 */
	static List<ConsentDocument> offeredDocuments(List<ConsentDocument> current, boolean minor) {
		return current.stream().filter((d) -> minor || !ConsentService.ASSENT.equals(d.code())).toList();
	}

}
