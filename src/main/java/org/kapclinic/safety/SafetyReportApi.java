package org.kapclinic.safety;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The long-term safety report over the API (issue 19). */
@RestController
class SafetyReportApi {

	private final SafetyReport report;

	SafetyReportApi(SafetyReport report) {
		this.report = report;
	}

	@GetMapping("/api/v1/reports/safety")
	@Operation(summary = "Patients on maintenance and their reviews, positive bladder screens, lab flags and misuse "
			+ "signals by kind over the last days (7–730, default 90), counted in patients; a count from 1 to "
			+ "kap.reports.min-cell − 1 is {\"suppressed\": true}. Prescribers and administrators.")
	SafetyReportView report(@RequestParam(required = false) Integer days) {
		return this.report.report(days);
	}

}
