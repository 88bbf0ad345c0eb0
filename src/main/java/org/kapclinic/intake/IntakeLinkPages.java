package org.kapclinic.intake;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.kapclinic.patient.LinkPageGate;
import org.kapclinic.patient.PatientLinks.OpenLink;
import org.kapclinic.shared.CrisisResources;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The patient's side of an intake link (no account): confirm the date of birth, then fill
 * in a plain-language questionnaire on their phone, saving drafts until they send it
 * (issue 14: patients get patient forms; staff complete the clinical intake from it). The
 * confirmation lives in the HTTP session only, so the link alone never opens the answers.
 */
@Controller
class IntakeLinkPages {

	private static final LinkPageGate GATE = new LinkPageGate("kap.intake-link.verified", "Your intake questionnaire",
			"/intake", "/form");

	private final IntakeLinks links;

	private final CrisisResources crisis;

	IntakeLinkPages(IntakeLinks links, CrisisResources crisis) {
		this.links = links;
		this.crisis = crisis;
	}

	@org.springframework.web.bind.annotation.ModelAttribute("crisis")
	CrisisResources crisis() {
		return this.crisis;
	}

	@org.springframework.web.bind.annotation.ModelAttribute("token")
	String token(@PathVariable(required = false) String token) {
		return token;
	}

	@GetMapping("/intake/{token}")
	Object start(@PathVariable String token, HttpSession session, Model model) {
		return GATE.start(this.links.open(token), token, session, model);
	}

	@PostMapping("/intake/{token}")
	Object confirm(@PathVariable String token,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
			HttpSession session, Model model) {
		return GATE.confirm(this.links.open(token), token, birthDate, this.links::confirm, session, model);
	}

	@GetMapping("/intake/{token}/form")
	Object form(@PathVariable String token, HttpSession session, Model model) {
		Optional<OpenLink> link = this.links.open(token);
		if (link.isEmpty()) {
			return LinkPageGate.closed();
		}
		if (!GATE.verified(session, link.get())) {
			return GATE.toStart(token);
		}
		PatientQuestionnaire answers = this.links.questionnaire(link.get())
			.map(Questionnaires.Stored::answers)
			.orElse(PatientQuestionnaire.blank());
		return page(token, link.get(), QuestionnaireForm.of(answers), List.of(), model);
	}

	@PostMapping("/intake/{token}/form")
	Object save(@PathVariable String token, @RequestParam MultiValueMap<String, String> params,
			@RequestParam(defaultValue = "false") boolean send, HttpSession session, Model model,
			RedirectAttributes redirect) {
		Optional<OpenLink> link = this.links.open(token);
		if (link.isEmpty()) {
			return LinkPageGate.closed();
		}
		if (!GATE.verified(session, link.get())) {
			return GATE.toStart(token);
		}
		QuestionnaireForm form = QuestionnaireForm.of(params);
		try {
			this.links.save(link.get(), form.answers(), send);
		}
		catch (InvalidInputException ex) {
			return page(token, link.get(), form, ex.problems(), model);
		}
		if (send) {
			GATE.forget(session);
			return "intake/link-done";
		}
		redirect.addFlashAttribute("message", "Saved. You can come back to this link until you send it.");
		return "redirect:/intake/" + token + "/form";
	}

	private String page(String token, OpenLink link, QuestionnaireForm form, List<FieldProblem> problems, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("invalid", IntakeForm.invalidFields(problems));
		model.addAttribute("messages", problems.stream()
			.collect(java.util.stream.Collectors.toMap(FieldProblem::field, FieldProblem::message, (a, b) -> a)));
		model.addAttribute("patient", this.links.patient(link));
		model.addAttribute("formAction", "/intake/" + token + "/form");
		model.addAttribute("conditions", ConditionCode.values());
		return "intake/questionnaire";
	}

}
