package org.kapclinic.intake.consultation;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.kapclinic.patient.PatientView;
import org.kapclinic.patient.PossibleDuplicateException;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.CrisisResources;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.RuleViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public consultation page (the crisis notice appears as soon as "Suicidal thoughts"
 * is ticked, and again after sending) and the staff triage queue (flagged requests
 * first).
 */
@Controller
class ConsultationPages {

	private static final String FORM = "intake/consultation-form";

	private final ConsultationService consultations;

	private final CrisisResources crisis;

	private final ClinicTime clinicTime;

	ConsultationPages(ConsultationService consultations, CrisisResources crisis, ClinicTime clinicTime) {
		this.consultations = consultations;
		this.crisis = crisis;
		this.clinicTime = clinicTime;
	}

	@ModelAttribute("crisisNotice")
	String crisisNotice() {
		return ConsultationApi.CRISIS_NOTICE;
	}

	@ModelAttribute("crisis")
	CrisisResources crisis() {
		return this.crisis;
	}

	@ModelAttribute("allConcerns")
	Concern[] allConcerns() {
		return Concern.values();
	}

	@GetMapping("/consultation")
	String form(Model model) {
		model.addAttribute("request",
				new ConsultationRequestForm("", "", null, "", "", List.of(), "", "", "", false, ""));
		return FORM;
	}

	@PostMapping("/consultation")
	String submit(@Valid @ModelAttribute("request") ConsultationRequestForm request, BindingResult result,
			HttpServletRequest http, Model model) {
		if (result.hasErrors()) {
			model.addAttribute("riskChosen", SuicideRisk.named(request));
			return FORM;
		}
		model.addAttribute("riskChosen", this.consultations.submit(request, http.getRemoteAddr()));
		return "intake/consultation-thanks";
	}

	private static final int PAGE_SIZE = 50;

	@GetMapping("/consultations")
	String queue(@RequestParam(required = false) ConsultationStatus status, @RequestParam(defaultValue = "0") int page,
			Model model) {
		List<ConsultationRequest> requests = this.consultations.list(status, page, PAGE_SIZE);
		model.addAttribute("requests", requests);
		model.addAttribute("page", page);
		model.addAttribute("morePages", requests.size() == PAGE_SIZE);
		model.addAttribute("status", status);
		model.addAttribute("statuses", ConsultationStatus.values());
		model.addAttribute("zone", this.clinicTime.timeZone());
		return "intake/consultations";
	}

	@PostMapping("/consultations/{id}/status")
	String changeStatus(@PathVariable UUID id, @RequestParam ConsultationStatus status,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			this.consultations.changeStatus(id, status, reason);
			redirect.addFlashAttribute("message", "Request marked \"" + status.label() + "\".");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.problems().get(0).message());
		}
		catch (RuleViolationException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/consultations";
	}

	@PostMapping("/consultations/{id}/convert")
	String convert(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean confirmDuplicate,
			RedirectAttributes redirect) {
		try {
			PatientView patient = this.consultations.convert(id, confirmDuplicate);
			redirect.addFlashAttribute("message", "Registered " + patient.displayName() + " (" + patient.mrn()
					+ "). Complete the record: contact details, guardians for a minor.");
			return "redirect:/patients/" + patient.id();
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", "Could not convert: " + ex.problems().get(0).field() + " "
					+ ex.problems().get(0).message() + ". Register the patient from the form instead.");
		}
		catch (RuleViolationException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		catch (PossibleDuplicateException ex) {
			redirect.addFlashAttribute("duplicatesFor", id);
			redirect.addFlashAttribute("duplicates", ex.matches());
		}
		return "redirect:/consultations";
	}

}
