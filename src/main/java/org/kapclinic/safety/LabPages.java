package org.kapclinic.safety;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.kapclinic.patient.ChartTab;
import org.kapclinic.patient.Patients;
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

/** The chart's "Labs" tab (issue 19): record a liver test and read each test's trend. */
@Controller
class LabPages {

	private final LabResults labs;

	private final Patients patients;

	private final ClinicTime clinicTime;

	LabPages(LabResults labs, Patients patients, ClinicTime clinicTime) {
		this.labs = labs;
		this.patients = patients;
		this.clinicTime = clinicTime;
	}

	@Bean
	static ChartTab labsChartTab() {
		return new ChartTab("labs", "Labs", "eyedropper", 21, true);
	}

	@GetMapping("/patients/{id}/labs")
	String page(@PathVariable UUID id, Model model) {
		List<LabResult> results = this.labs.list(id);
		Map<String, List<LabResult>> byTest = results.stream()
			.collect(Collectors.groupingBy(LabResult::name, java.util.TreeMap::new, Collectors.toList()));
		model.addAttribute("patient",
				this.patients.summary(id).orElseThrow(() -> new NotFoundException("Patient", id)));
		model.addAttribute("trends", byTest);
		model.addAttribute("numericTests",
				java.util.Arrays.stream(LabTest.values()).filter((t) -> !t.qualitative()).toList());
		model.addAttribute("qualitativeTests",
				java.util.Arrays.stream(LabTest.values()).filter(LabTest::qualitative).toList());
		model.addAttribute("zone", this.clinicTime.timeZone());
		return "safety/labs";
	}

	@PostMapping("/patients/{id}/lab-results")
	String record(@PathVariable UUID id, @RequestParam(required = false) String code,
			@RequestParam(required = false) BigDecimal value, @RequestParam(required = false) String unit,
			@RequestParam(required = false) BigDecimal referenceLow,
			@RequestParam(required = false) BigDecimal referenceHigh,
			@RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime collectedAt,
			@RequestParam(required = false) String result, RedirectAttributes redirect) {
		LabResult recorded = this.labs.record(id, new LabResultRequest(code, value, unit, referenceLow, referenceHigh,
				(collectedAt != null) ? collectedAt.atZone(this.clinicTime.timeZone()).toInstant() : null, result));
		boolean review = recorded.flags().contains(LabFlag.PRESCRIBER_REVIEW)
				|| recorded.flags().contains(LabFlag.HAEMATURIA_REVIEW);
		String flags = recorded.flagLabels().isEmpty()
				? ((recorded.result() != null) ? "no flag" : "within the reference range")
				: String.join("; ", recorded.flagLabels());
		redirect.addFlashAttribute(review ? "error" : "message",
				"Recorded " + recorded.name() + " " + recorded.reading() + ": " + flags
						+ (review ? ". An urgent task asks the prescriber to review it." : "."));
		return "redirect:/patients/" + id + "/labs";
	}

	@PostMapping("/patients/{id}/lab-results/{resultId}/void")
	String voidResult(@PathVariable UUID id, @PathVariable UUID resultId, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		LabResult voided = this.labs.voidResult(id, resultId, reason);
		redirect.addFlashAttribute("message",
				"Voided " + voided.name() + " " + voided.reading() + " (kept in the record with your reason).");
		return "redirect:/patients/" + id + "/labs";
	}

}
