package org.kapclinic.safety;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The long-term safety report page (issue 19), linked from the outcomes report. */
@Controller
class SafetyReportPage {

	private final SafetyReport report;

	private final org.kapclinic.shared.ClinicTime clinicTime;

	SafetyReportPage(SafetyReport report, org.kapclinic.shared.ClinicTime clinicTime) {
		this.report = report;
		this.clinicTime = clinicTime;
	}

	@GetMapping("/reports/safety")
	String page(@RequestParam(required = false) Integer days, Model model) {
		model.addAttribute("report", this.report.report(days));
		model.addAttribute("zone", this.clinicTime.timeZone());
		return "safety/report";
	}

}
