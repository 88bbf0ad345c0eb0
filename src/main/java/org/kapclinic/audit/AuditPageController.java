package org.kapclinic.audit;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.kapclinic.audit.AuditQueries.AuditFilter;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.Paging;
import org.kapclinic.shared.PatientLookup;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The audit report for administrators (ONC 170.315(d)(2)/(3)): entries by user, patient
 * (name or MRN), action, data category and date range, in the chosen order, as a page and
 * as CSV (the download itself audited); and chain verification.
 */
@Controller
@RequestMapping("/admin/audit")
class AuditPageController {

	private static final int PAGE_SIZE = 50;

	/** The most rows one download holds; narrow the filters for more. */
	static final int EXPORT_LIMIT = 10_000;

	private final AuditQueries queries;

	private final PatientLookup patients;

	private final ClinicTime clinicTime;

	AuditPageController(AuditQueries queries, PatientLookup patients, ClinicTime clinicTime) {
		this.queries = queries;
		this.patients = patients;
		this.clinicTime = clinicTime;
	}

	/**
	 * The report's filters as the form sends them: dates are the clinic's calendar days,
	 * both included.
	 */
	record ReportForm(UUID patientId, String patient, String user, AuditAction action, DataCategory category,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, AuditSort sort) {
	}

	@GetMapping
	String entries(@ModelAttribute("form") ReportForm form, @RequestParam(defaultValue = "0") int page, Model model) {
		Paging.check(page, PAGE_SIZE);
		AuditFilter filter = filter(form);
		List<AuditEntry> entries = this.queries.find(filter, page, PAGE_SIZE);
		model.addAttribute("entries", entries);
		model.addAttribute("patientLabels", labels(entries));
		model.addAttribute("noPatientFound", filter.patientsSearched() && filter.patientIds().isEmpty());
		model.addAttribute("actions", AuditAction.values());
		model.addAttribute("categories", DataCategory.values());
		model.addAttribute("sorts", AuditSort.values());
		model.addAttribute("page", page);
		model.addAttribute("pageSize", PAGE_SIZE);
		return "audit/entries";
	}

	@GetMapping("/report.csv")
	ResponseEntity<byte[]> csv(@ModelAttribute ReportForm form) {
		List<AuditEntry> entries = this.queries.export(filter(form), EXPORT_LIMIT);
		byte[] body = AuditCsv.write(entries, labels(entries)).getBytes(StandardCharsets.UTF_8);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("audit-report.csv").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(body);
	}

	@PostMapping("/verify")
	String verify(RedirectAttributes redirect) {
		ChainVerification result = this.queries.verify();
		if (result.valid()) {
			redirect.addFlashAttribute("message",
					"Audit chain intact: " + result.entries() + " sealed entries verified.");
		}
		else {
			redirect.addFlashAttribute("error", "Audit chain BROKEN at entry " + result.firstBrokenId()
					+ ". Preserve the database and investigate.");
		}
		return "redirect:/admin/audit";
	}

	private AuditFilter filter(ReportForm form) {
		if (form.from() != null && form.to() != null && form.to().isBefore(form.from())) {
			throw InvalidInputException.of("to", "is before the first day; choose a later last day");
		}
		List<UUID> patientIds;
		boolean searched;
		if (form.patientId() != null) {
			patientIds = List.of(form.patientId());
			searched = true;
		}
		else if (form.patient() != null && !form.patient().isBlank()) {
			patientIds = this.patients.matching(form.patient(), 200);
			searched = true;
		}
		else {
			patientIds = List.of();
			searched = false;
		}
		return new AuditFilter(patientIds, searched, null, form.user(), form.action(), form.category(),
				(form.from() != null) ? form.from().atStartOfDay(this.clinicTime.timeZone()).toInstant() : null,
				(form.to() != null) ? form.to().plusDays(1).atStartOfDay(this.clinicTime.timeZone()).toInstant() : null,
				form.sort());
	}

	private Map<UUID, String> labels(List<AuditEntry> entries) {
		Set<UUID> ids = new HashSet<>();
		entries.stream().map(AuditEntry::patientId).filter(java.util.Objects::nonNull).forEach(ids::add);
		return this.patients.labels(ids);
	}

}
