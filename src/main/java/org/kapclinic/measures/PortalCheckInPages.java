package org.kapclinic.measures;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.kapclinic.patient.PatientLinks.OpenLink;
import org.kapclinic.shared.CrisisResources;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.SignedInPatient;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portal's check-in (issue 21): the questionnaires due now, on the self-report form
 * (answers saved as they are tapped, the crisis notice as soon as a risk answer is
 * chosen) in the portal's layout, scored by the same path as a link's. The patient is the
 * signed-in one; nothing in the address names them.
 */
@Controller
class PortalCheckInPages {

	private static final String LAYOUT = "fragments/portal-layout";

	private final PortalCheckIns checkIns;

	private final SelfReports selfReports;

	private final SelfReportPages forms;

	private final CrisisResources crisis;

	PortalCheckInPages(PortalCheckIns checkIns, SelfReports selfReports, SelfReportPages forms,
			CrisisResources crisis) {
		this.checkIns = checkIns;
		this.selfReports = selfReports;
		this.forms = forms;
		this.crisis = crisis;
	}

	@ModelAttribute("crisis")
	CrisisResources crisis() {
		return this.crisis;
	}

	@ModelAttribute("layout")
	String layout() {
		return LAYOUT;
	}

	@GetMapping("/portal/check-in")
	String form(@AuthenticationPrincipal SignedInPatient patient, Model model) {
		Optional<OpenLink> link = this.checkIns.open(patient.patientId());
		if (link.isEmpty()) {
			return "measures/portal-nothing-due";
		}
		SelfReport report = this.selfReports.current(link.get());
		return page(link.get(), report, report.draft(), List.of(), model);
	}

	@PostMapping("/portal/check-in/draft")
	ResponseEntity<String> draft(@AuthenticationPrincipal SignedInPatient patient,
			@RequestParam Map<String, String> params) {
		Optional<OpenLink> link = this.checkIns.open(patient.patientId());
		if (link.isEmpty()) {
			return ResponseEntity.status(org.springframework.http.HttpStatus.GONE).body("Already sent.");
		}
		try {
			this.selfReports.saveDraft(link.get(), this.forms.answers(this.selfReports.current(link.get()), params));
		}
		catch (InvalidInputException ex) {
			return ResponseEntity.badRequest().body("Not saved: " + ex.getMessage());
		}
		return ResponseEntity.ok("Saved");
	}

	@PostMapping("/portal/check-in")
	String submit(@AuthenticationPrincipal SignedInPatient patient, @RequestParam Map<String, String> params,
			@RequestParam(defaultValue = "false") boolean allowMissing, Model model) {
		Optional<OpenLink> link = this.checkIns.open(patient.patientId());
		if (link.isEmpty()) {
			return "measures/portal-nothing-due";
		}
		SelfReport report = this.selfReports.current(link.get());
		Map<String, List<Integer>> answers = this.forms.answers(report, params);
		SelfReport.Submitted submitted;
		try {
			submitted = this.selfReports.submit(link.get(), answers, allowMissing);
		}
		catch (InvalidInputException ex) {
			return page(link.get(), report, answers, ex.problems().stream().map((p) -> p.field()).toList(), model);
		}
		model.addAttribute("suicideRisk", submitted.suicideRisk());
		return "measures/self-report-done";
	}

	private String page(OpenLink link, SelfReport report, Map<String, List<Integer>> answers, List<String> unanswered,
			Model model) {
		model.addAttribute("patient", this.selfReports.patient(link));
		model.addAttribute("instruments", this.selfReports.instruments(report));
		model.addAttribute("answers", answers);
		model.addAttribute("unanswered", unanswered);
		model.addAttribute("formAction", "/portal/check-in");
		model.addAttribute("draftAction", "/portal/check-in/draft");
		return "measures/self-report-form";
	}

}
