package org.kapclinic.measures;

import java.util.List;
import java.util.UUID;

import org.kapclinic.shared.ClinicTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Form posts from the measures page's "Due and scheduled" panel, and the clinic worklist
 * of due and overdue measures.
 */
@Controller
class MeasureSchedulePages {

	private static final int WORKLIST_LIMIT = 500;

	private final MeasureSchedules schedules;

	private final SelfReportLinks selfReportLinks;

	private final DueMeasures due;

	private final ClinicTime clinicTime;

	MeasureSchedulePages(MeasureSchedules schedules, SelfReportLinks selfReportLinks, DueMeasures due,
			ClinicTime clinicTime) {
		this.schedules = schedules;
		this.selfReportLinks = selfReportLinks;
		this.due = due;
		this.clinicTime = clinicTime;
	}

	@PostMapping("/patients/{id}/measure-schedules")
	String create(@PathVariable UUID id, @RequestParam(required = false) List<String> instruments,
			@RequestParam(defaultValue = "") String cadence, @RequestParam(required = false) Integer everyDays,
			@RequestParam(defaultValue = "false") boolean sendLink, RedirectAttributes redirect) {
		MeasureSchedule schedule = this.schedules.create(id, new ScheduleRequest(instruments, cadence,
				MeasureSchedules.INTERVAL.equals(cadence) ? everyDays : null, null, sendLink));
		redirect.addFlashAttribute("message", "Scheduled " + String.join(" + ", schedule.instruments()) + ".");
		return back(id);
	}

	@PostMapping("/patients/{id}/measure-schedules/{scheduleId}/end")
	String end(@PathVariable UUID id, @PathVariable UUID scheduleId, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		MeasureSchedule ended = this.schedules.end(scheduleId, reason);
		redirect.addFlashAttribute("message", "Ended the schedule; its open measures are cancelled.");
		return back(ended.patientId());
	}

	@PostMapping("/patients/{id}/measure-links")
	String link(@PathVariable UUID id, @RequestParam(required = false) List<String> instruments,
			@RequestParam(defaultValue = "false") boolean send, RedirectAttributes redirect) {
		redirect.addFlashAttribute("issuedLink", this.selfReportLinks.issue(id, instruments, send));
		return back(id);
	}

	@GetMapping("/measures/worklist")
	String worklist(@RequestParam(required = false) String state, Model model) {
		DueState filter = DueState.parse(state);
		if (filter != null && !DueState.worklistFilters().contains(filter)) {
			filter = null;
		}
		model.addAttribute("rows", this.due.worklist((filter != null) ? filter.name() : null, WORKLIST_LIMIT));
		model.addAttribute("state", filter);
		model.addAttribute("filters", DueState.worklistFilters());
		model.addAttribute("limit", WORKLIST_LIMIT);
		model.addAttribute("zone", this.clinicTime.timeZone().getId());
		return "measures/worklist";
	}

	private static String back(UUID id) {
		return "redirect:/patients/" + id + "/measures#due-panel";
	}

}
