package org.kapclinic.measures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.kapclinic.patient.LinkPageGate;
import org.kapclinic.patient.PatientLinks.OpenLink;
import org.kapclinic.shared.CrisisResources;
import org.kapclinic.shared.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The patient's side of a self-report link (no account): confirm the date of birth,
 * answer the forms on a phone with every change saved at once (htmx), submit, and see
 * crisis resources immediately when an answer indicates suicide risk. The confirmation
 * lives in the HTTP session only, so the link alone never opens the answers.
 */
@Controller
class SelfReportPages {

	private static final LinkPageGate GATE = new LinkPageGate("kap.self-report.verified", "Your check-in questionnaire",
			"/self-report", "/form");

	private final SelfReports selfReports;

	private final CrisisResources crisis;

	SelfReportPages(SelfReports selfReports, CrisisResources crisis) {
		this.selfReports = selfReports;
		this.crisis = crisis;
	}

	@ModelAttribute("crisis")
	CrisisResources crisis() {
		return this.crisis;
	}

	@GetMapping("/self-report/{token}")
	Object start(@PathVariable String token, HttpSession session, Model model) {
		return GATE.start(this.selfReports.open(token), token, session, model);
	}

	@PostMapping("/self-report/{token}")
	Object confirm(@PathVariable String token,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
			HttpSession session, Model model) {
		return GATE.confirm(this.selfReports.open(token), token, birthDate, this.selfReports::confirm, session, model);
	}

	@GetMapping("/self-report/{token}/form")
	Object form(@PathVariable String token, HttpSession session, Model model) {
		Optional<OpenLink> link = this.selfReports.open(token);
		if (link.isEmpty()) {
			return LinkPageGate.closed();
		}
		if (!GATE.verified(session, link.get())) {
			return GATE.toStart(token);
		}
		SelfReport report = this.selfReports.current(link.get());
		return page(token, link.get(), report, report.draft(), List.of(), model);
	}

	/** Autosave: each answer is stored as the patient taps it. */
	@PostMapping("/self-report/{token}/draft")
	ResponseEntity<String> draft(@PathVariable String token, @RequestParam Map<String, String> params,
			HttpSession session) {
		Optional<OpenLink> link = this.selfReports.open(token);
		if (link.isEmpty() || !GATE.verified(session, link.get())) {
			return ResponseEntity.status(HttpStatus.GONE).body("This link no longer works.");
		}
		SelfReport report = this.selfReports.current(link.get());
		try {
			this.selfReports.saveDraft(link.get(), answers(report, params));
		}
		catch (InvalidInputException ex) {
			return ResponseEntity.badRequest().body("Not saved: " + ex.getMessage());
		}
		return ResponseEntity.ok("Saved");
	}

	@PostMapping("/self-report/{token}/form")
	Object submit(@PathVariable String token, @RequestParam Map<String, String> params,
			@RequestParam(defaultValue = "false") boolean allowMissing, HttpSession session, Model model) {
		Optional<OpenLink> link = this.selfReports.open(token);
		if (link.isEmpty()) {
			return LinkPageGate.closed();
		}
		if (!GATE.verified(session, link.get())) {
			return GATE.toStart(token);
		}
		SelfReport report = this.selfReports.current(link.get());
		Map<String, List<Integer>> answers = answers(report, params);
		SelfReport.Submitted submitted;
		try {
			submitted = this.selfReports.submit(link.get(), answers, allowMissing);
		}
		catch (InvalidInputException ex) {
			return page(token, link.get(), report, answers, ex.problems().stream().map((p) -> p.field()).toList(),
					model);
		}
		GATE.forget(session);
		model.addAttribute("suicideRisk", submitted.suicideRisk());
		return "measures/self-report-done";
	}

	private String page(String token, OpenLink link, SelfReport report, Map<String, List<Integer>> answers,
			List<String> unanswered, Model model) {
		model.addAttribute("patient", this.selfReports.patient(link));
		model.addAttribute("instruments", this.selfReports.instruments(report));
		model.addAttribute("answers", answers);
		model.addAttribute("unanswered", unanswered);
		model.addAttribute("formAction", "/self-report/" + token + "/form");
		model.addAttribute("draftAction", "/self-report/" + token + "/draft");
		return "measures/self-report-form";
	}

	/** Radio values arrive as {@code CODE.itemIndex=score}; anything else is ignored. */
	Map<String, List<Integer>> answers(SelfReport report, Map<String, String> params) {
		Map<String, List<Integer>> answers = new LinkedHashMap<>();
		for (Instrument instrument : this.selfReports.instruments(report)) {
			List<Integer> values = new ArrayList<>();
			for (int i = 0; i < instrument.items().size(); i++) {
				String value = params.get(instrument.code() + "." + i);
				values.add(parse(value));
			}
			answers.put(instrument.code(), values);
		}
		return answers;
	}

	private static Integer parse(String value) {
		if (value == null || value.isBlank() || value.length() > 3) {
			return null;
		}
		try {
			return Integer.valueOf(value.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
