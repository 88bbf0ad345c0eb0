package org.kapclinic.measures;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Schedules, due and overdue measures, and self-report links. */
@RestController
@Tag(name = "Outcome measures")
class SchedulesApi {

	private final MeasureSchedules schedules;

	private final DueMeasures due;

	private final SelfReportLinks selfReportLinks;

	SchedulesApi(MeasureSchedules schedules, DueMeasures due, SelfReportLinks selfReportLinks) {
		this.schedules = schedules;
		this.due = due;
		this.selfReportLinks = selfReportLinks;
	}

	@PostMapping("/api/v1/patients/{id}/measure-schedules")
	@Operation(summary = "Attach instruments to the patient with a cadence",
			description = "INTERVAL: every everyDays from firstDueAt (default now). DOSE_ANCHORED: before each "
					+ "dosing session and 24 h and 7 days after each dose (the dosing module reports them). With "
					+ "sendLink (default true) the patient is e-mailed a self-report link when an occurrence falls due.")
	ResponseEntity<MeasureSchedule> create(@PathVariable UUID id, @Valid @RequestBody ScheduleRequest request) {
		MeasureSchedule schedule = this.schedules.create(id, request);
		return ResponseEntity.created(URI.create("/api/v1/measure-schedules/" + schedule.id())).body(schedule);
	}

	@GetMapping("/api/v1/patients/{id}/measure-schedules")
	@Operation(summary = "The patient's schedules, active first (ended ones keep their reason)")
	List<MeasureSchedule> list(@PathVariable UUID id) {
		return this.schedules.list(id);
	}

	@PostMapping("/api/v1/measure-schedules/{id}/end")
	@Operation(summary = "End a schedule with a reason; its open occurrences are cancelled")
	MeasureSchedule end(@PathVariable UUID id, @RequestBody Reason reason) {
		return this.schedules.end(id, reason.reason());
	}

	@GetMapping("/api/v1/patients/{id}/measures/due")
	@Operation(summary = "The patient's open occurrences: UPCOMING, DUE or OVERDUE")
	List<DueMeasure> patientDue(@PathVariable UUID id) {
		return this.due.forPatient(id);
	}

	@GetMapping("/api/v1/measures/due")
	@Operation(summary = "Clinic worklist: due and overdue measures of the patients you may see, most overdue first")
	List<DueMeasure.Row> worklist(@RequestParam(required = false) @Pattern(regexp = "DUE|OVERDUE") String state,
			@RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
		return this.due.worklist(state, limit);
	}

	@PostMapping("/api/v1/patients/{id}/measure-links")
	@Operation(summary = "Issue a single-use self-report link for these forms",
			description = "The url is returned once. With send (default true) it is e-mailed to the patient through "
					+ "the outbox; 400 when no e-mail address is on file.")
	ResponseEntity<SelfReport.Issued> link(@PathVariable UUID id, @Valid @RequestBody LinkRequest request) {
		SelfReport.Issued issued = this.selfReportLinks.issue(id, request.instruments(),
				request.send() == null || request.send());
		return ResponseEntity.created(URI.create("/api/v1/patients/" + id + "/measure-links/" + issued.id()))
			.body(issued);
	}

	record Reason(String reason) {
	}

	record LinkRequest(@NotEmpty @Size(max = 10) List<String> instruments, Boolean send) {
	}

}
