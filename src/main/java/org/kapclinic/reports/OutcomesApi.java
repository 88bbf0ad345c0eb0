package org.kapclinic.reports;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;

@RestController
@Tag(name = "Reports")
class OutcomesApi {

	private final OutcomesReport report;

	OutcomesApi(OutcomesReport report) {
		this.report = report;
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'PRESCRIBER')")
	@GetMapping("/api/v1/reports/outcomes")
	@Operation(summary = "The practice outcomes report for one instrument",
			description = "ADMIN and PRESCRIBER. Cohort: courses whose first dose falls in from-to (clinic dates, "
					+ "inclusive), filtered by program (KAP, IV_INFUSION, ESKETAMINE), route (IV, IM, SL, IN), "
					+ "condition (ICD-10-CM code or prefix, e.g. F33 or F43.1), ageBand (13-17, 18-25, 26-45, 46-65, "
					+ "66+) and sexAtBirth. Baseline: the last complete administration on or before the first dose, "
					+ "within kap.measures.baseline-window; follow-up at each window (END_OF_COURSE, 1M, 3M, 6M, 12M) "
					+ "the administration nearest the target within kap.reports.follow-up-tolerance. Any figure from "
					+ "fewer than kap.reports.min-cell patients is {\"suppressed\": true}, with complementary "
					+ "suppression. 400 names a bad parameter.")
	OutcomesReportView outcomes(@RequestParam(required = false) @Size(max = 40) String instrument,
			@RequestParam(required = false) @Size(max = 20) String program,
			@RequestParam(required = false) @Size(max = 5) String route,
			@RequestParam(required = false) @Size(max = 10) String condition,
			@RequestParam(required = false) @Size(max = 10) String ageBand,
			@RequestParam(required = false) @Size(max = 20) String sexAtBirth,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) @Size(max = 20) String window) {
		return this.report.report(
				OutcomeRequests.filter(instrument, program, route, condition, ageBand, sexAtBirth, from, to, window));
	}

}
