package org.kapclinic.safety;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.kapclinic.patient.ChartTab;
import org.kapclinic.patient.Patients;
import org.kapclinic.safety.MisuseRecordRequests.PatientRequestRequest;
import org.kapclinic.safety.MisuseRecordRequests.PdmpCheckRequest;
import org.kapclinic.safety.MisuseRecordRequests.TakeHomeReportRequest;
import org.kapclinic.safety.MisuseRecordRequests.TakeHomeSupplyRequest;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.NotFoundException;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The chart's "Misuse signals" tab (issue 19), for clinical staff: the signals of the
 * window and the forms that record a PDMP check, a request against the plan, a take-home
 * supply and its reported use.
 */
@Controller
class MisusePages {

	private final MisuseSignals signals;

	private final MisuseRecords records;

	private final Patients patients;

	private final ClinicTime clinicTime;

	MisusePages(MisuseSignals signals, MisuseRecords records, Patients patients, ClinicTime clinicTime) {
		this.signals = signals;
		this.records = records;
		this.patients = patients;
		this.clinicTime = clinicTime;
	}

	@Bean
	static ChartTab misuseChartTab() {
		return new ChartTab("misuse-signals", "Misuse signals", "shield-exclamation", 22, true);
	}

	@GetMapping("/patients/{id}/misuse-signals")
	String page(@PathVariable UUID id, Model model) {
		model.addAttribute("summary", this.signals.of(id));
		model.addAttribute("patient",
				this.patients.summary(id).orElseThrow(() -> new NotFoundException("Patient", id)));
		model.addAttribute("kinds", MisuseSignalKind.values());
		model.addAttribute("pdmpResults", PdmpResult.values());
		model.addAttribute("requestKinds", PatientRequestKind.values());
		model.addAttribute("zone", this.clinicTime.timeZone());
		return "safety/misuse";
	}

	@PostMapping("/patients/{id}/pdmp-checks")
	String pdmpCheck(@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate checkedOn,
			@RequestParam(required = false) String state, @RequestParam(required = false) String result,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		this.records.recordPdmpCheck(id, new PdmpCheckRequest(checkedOn, state, result, note));
		return done(id, redirect, "PDMP check recorded.");
	}

	@PostMapping("/patients/{id}/patient-requests")
	String patientRequest(@PathVariable UUID id, @RequestParam(required = false) String kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate requestedOn,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		this.records.recordPatientRequest(id, new PatientRequestRequest(kind, requestedOn, note));
		return done(id, redirect, "Request recorded.");
	}

	@PostMapping("/patients/{id}/take-home-supplies")
	String supply(@PathVariable UUID id, @RequestParam(required = false) String product,
			@RequestParam(required = false) String unit, @RequestParam(required = false) BigDecimal quantityPrescribed,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate prescribedOn,
			RedirectAttributes redirect) {
		this.records.recordTakeHomeSupply(id,
				new TakeHomeSupplyRequest(product, unit, quantityPrescribed, prescribedOn));
		return done(id, redirect,
				"Take-home supply recorded; record what the patient reports using at the next visit.");
	}

	@PostMapping("/patients/{id}/take-home-supplies/{supplyId}/report")
	String report(@PathVariable UUID id, @PathVariable UUID supplyId,
			@RequestParam(required = false) BigDecimal quantityUsed,
			@RequestParam(required = false) BigDecimal quantityReturned,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reportedOn,
			RedirectAttributes redirect) {
		this.records.reportTakeHomeUse(id, supplyId,
				new TakeHomeReportRequest(quantityUsed, quantityReturned, reportedOn));
		return done(id, redirect, "Reported use recorded.");
	}

	private static String done(UUID id, RedirectAttributes redirect, String message) {
		redirect.addFlashAttribute("message", message);
		return "redirect:/patients/" + id + "/misuse-signals";
	}

}
