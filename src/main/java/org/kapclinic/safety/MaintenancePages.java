package org.kapclinic.safety;

import java.util.UUID;

import org.kapclinic.dosing.Exposures;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.Role;
import org.kapclinic.patient.ChartTab;
import org.kapclinic.patient.Patients;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.NotFoundException;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The chart's "Maintenance review" tab (issue 19): when the next review is due, the
 * cumulative exposure to review, the earlier reviews, and the prescriber's form.
 */
@Controller
class MaintenancePages {

	private final MaintenanceReviews reviews;

	private final Exposures exposures;

	private final Patients patients;

	private final CurrentUser currentUser;

	private final ClinicTime clinicTime;

	static final String BLADDER_CHECKLIST = "BLADDER-CHECKLIST";

	/** The signed note's field labels (notes/templates.json, MAINTENANCE_REVIEW). */
	private static final java.util.Map<String, String> SNAPSHOT_LABELS = java.util.Map.of("exposure",
			"Cumulative exposure", "bladder", "Bladder symptoms", "labs", "Liver tests, urinalysis and drug screens",
			"outcomes", "Outcome trend", "misuseSignals", "Misuse and diversion signals");

	private final ReviewSnapshot snapshot;

	private final MaintenanceSurveillance surveillance;

	private final org.kapclinic.measures.Measures measures;

	private final SafetySettings settings;

	private final MaintenanceWorklist worklist;

	MaintenancePages(MaintenanceReviews reviews, Exposures exposures, Patients patients, CurrentUser currentUser,
			ClinicTime clinicTime, org.kapclinic.measures.Measures measures, SafetySettings settings,
			MaintenanceWorklist worklist, ReviewSnapshot snapshot, MaintenanceSurveillance surveillance) {
		this.surveillance = surveillance;
		this.snapshot = snapshot;
		this.worklist = worklist;
		this.measures = measures;
		this.settings = settings;
		this.reviews = reviews;
		this.exposures = exposures;
		this.patients = patients;
		this.currentUser = currentUser;
		this.clinicTime = clinicTime;
	}

	@Bean
	static ChartTab maintenanceChartTab() {
		return new ChartTab("maintenance", "Maintenance review", "clipboard2-check", 19, true);
	}

	/** The prescribers' worklist: reviews overdue or due soon, soonest first. */
	@GetMapping("/safety/maintenance-reviews")
	String worklist(Model model) {
		model.addAttribute("rows", this.worklist.list(500));
		model.addAttribute("noticeDays", this.settings.maintenanceReviewNotice().toDays());
		model.addAttribute("zone", this.clinicTime.timeZone());
		return "safety/worklist";
	}

	@GetMapping("/patients/{id}/maintenance")
	String page(@PathVariable UUID id, Model model) {
		model.addAttribute("status", this.reviews.status(id));
		model.addAttribute("patient",
				this.patients.summary(id).orElseThrow(() -> new NotFoundException("Patient", id)));
		model.addAttribute("exposure", this.exposures.of(id));
		model.addAttribute("decisions", MaintenanceDecision.values());
		model.addAttribute("prescriber", this.currentUser.require().has(Role.PRESCRIBER));
		model.addAttribute("zone", this.clinicTime.timeZone());
		model.addAttribute("bladderScheduled", this.measures.scheduled(id, BLADDER_CHECKLIST));
		model.addAttribute("bladderEveryDays", this.settings.bladderChecklistEveryDays());
		java.time.Instant liverDue = this.surveillance.liverTestsDue(id);
		model.addAttribute("liverDue", liverDue);
		model.addAttribute("liverOverdue", liverDue != null && liverDue.isBefore(java.time.Instant.now()));
		model.addAttribute("liverEveryDays", this.settings.liverTestsEveryDays());
		boolean prescriber = this.currentUser.require().has(Role.PRESCRIBER);
		model.addAttribute("snapshot", prescriber ? this.snapshot.of(id) : java.util.Map.of());
		model.addAttribute("snapshotLabels", SNAPSHOT_LABELS);
		return "safety/maintenance";
	}

	/**
	 * Schedules the bladder symptom checklist (issue 19) through the measure schedules,
	 * every {@code kap.safety.bladder-checklist-every-days}.
	 */
	@PostMapping("/patients/{id}/bladder-checklist")
	String scheduleBladderChecklist(@PathVariable UUID id, RedirectAttributes redirect) {
		this.measures.scheduleEvery(id, BLADDER_CHECKLIST, this.settings.bladderChecklistEveryDays());
		redirect.addFlashAttribute("message", "The bladder symptom checklist is scheduled every "
				+ this.settings.bladderChecklistEveryDays() + " days, with a self-report link.");
		return "redirect:/patients/" + id + "/maintenance";
	}

	@PostMapping("/patients/{id}/maintenance-reviews")
	String record(@PathVariable UUID id, @RequestParam(required = false) String decision,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		MaintenanceReview review = this.reviews.record(id, new ReviewRequest(decision, reason, null));
		redirect.addFlashAttribute("message", "Maintenance review recorded: " + review.decisionLabel() + ".");
		return "redirect:/patients/" + id + "/maintenance";
	}

}
