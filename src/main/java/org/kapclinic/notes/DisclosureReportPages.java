package org.kapclinic.notes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The clinic's accounting of disclosures for administrators: a page and its API twin.
 * Days are the clinic's calendar days, both included; by default the last twelve months.
 */
@Controller
class DisclosureReportPages {

	private static final int LIMIT = 5000;

	private final DisclosureReport report;

	private final ClinicTime clinicTime;

	private final java.time.Clock clock;

	DisclosureReportPages(DisclosureReport report, ClinicTime clinicTime, java.time.Clock clock) {
		this.report = report;
		this.clinicTime = clinicTime;
		this.clock = clock;
	}

	@GetMapping("/admin/disclosures")
	String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		LocalDate last = (to != null) ? to : this.clinicTime.today(this.clock);
		LocalDate first = (from != null) ? from : last.minusMonths(12).plusDays(1);
		model.addAttribute("from", first);
		model.addAttribute("to", last);
		model.addAttribute("lines", lines(first, last));
		model.addAttribute("limit", LIMIT);
		model.addAttribute("zone", this.clinicTime.timeZone());
		return "notes/disclosure-report";
	}

	@GetMapping("/api/v1/disclosures")
	@ResponseBody
	@Operation(summary = "The clinic's accounting of disclosures (ADMIN; ONC 170.315(d)(11))",
			description = "`from` and `to` are calendar days in the clinic's time zone, both included "
					+ "(default: the last twelve months); newest first, at most 5,000.")
	List<DisclosureReport.Line> api(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		LocalDate last = (to != null) ? to : this.clinicTime.today(this.clock);
		return lines((from != null) ? from : last.minusMonths(12).plusDays(1), last);
	}

	private List<DisclosureReport.Line> lines(LocalDate first, LocalDate last) {
		if (last.isBefore(first)) {
			throw InvalidInputException.of("to", "is before the first day; choose a later last day");
		}
		Instant start = first.atStartOfDay(this.clinicTime.timeZone()).toInstant();
		Instant end = last.plusDays(1).atStartOfDay(this.clinicTime.timeZone()).toInstant();
		return this.report.between(start, end, LIMIT);
	}

}
