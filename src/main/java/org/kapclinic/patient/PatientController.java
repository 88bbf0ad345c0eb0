package org.kapclinic.patient;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.Role;
import org.kapclinic.identity.UserDirectory;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.VersionConflictException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Patient list, chart and registration pages. */
@Controller
@RequestMapping("/patients")
class PatientController {

	private static final String LIST = "patient/list";

	private static final String FORM = "patient/form";

	private static final String CHART = "patient/chart";

	private static final int PAGE_SIZE = 25;

	private final PatientService patients;

	private final UserDirectory directory;

	private final CurrentUser currentUser;

	private final ClinicTime clinicTime;

	private final List<ChartAlerts> alerts;

	PatientController(PatientService patients, UserDirectory directory, CurrentUser currentUser, ClinicTime clinicTime,
			List<ChartAlerts> alerts) {
		this.patients = patients;
		this.directory = directory;
		this.currentUser = currentUser;
		this.clinicTime = clinicTime;
		this.alerts = alerts;
	}

	@ModelAttribute("sexes")
	SexAtBirth[] sexes() {
		return SexAtBirth.values();
	}

	/**
	 * @param bookStart, bookRoomId, bookStaffId set when the user came from an empty slot
	 * of the schedule grid: each patient found offers "Book" with that slot prefilled
	 */
	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
					iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE_TIME) java.time.LocalDateTime bookStart,
			@RequestParam(required = false) UUID bookRoomId, @RequestParam(required = false) UUID bookStaffId,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		String query = (q == null) ? "" : q.trim();
		model.addAttribute("q", query);
		model.addAttribute("bookStart", bookStart);
		model.addAttribute("bookRoomId", bookRoomId);
		model.addAttribute("bookStaffId", bookStaffId);
		model.addAttribute("results",
				this.patients.search(query.length() > 100 ? query.substring(0, 100) : query, page, PAGE_SIZE));
		return (htmx != null) ? LIST + " :: results" : LIST;
	}

	@GetMapping("/new")
	String initCreate(Model model) {
		model.addAttribute("patient", PatientForms.blank());
		return FORM;
	}

	/**
	 * Registers, or shows the form again with what was typed: with field errors, or with
	 * the patients it may duplicate and a button to register a different person anyway.
	 */
	@PostMapping
	String processCreate(@Valid @ModelAttribute("patient") PatientDetails patient, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return FORM;
		}
		try {
			PatientView created = this.patients.register(patient);
			redirect.addFlashAttribute("message", "Registered " + created.displayName() + " (" + created.mrn() + ").");
			return "redirect:/patients/" + created.id();
		}
		catch (InvalidInputException ex) {
			PatientForms.reject(ex, result);
			return FORM;
		}
		catch (PossibleDuplicateException ex) {
			model.addAttribute("duplicates", ex.matches());
			return FORM;
		}
	}

	@GetMapping("/{id}")
	String chart(@PathVariable UUID id, Model model) {
		PatientView patient = this.patients.read(id);
		model.addAttribute("patient", patient);
		model.addAttribute("canManageTeam", canManageTeam());
		model.addAttribute("canRecord", canRecordMeasurements(patient));
		model.addAttribute("teamIds", patient.careTeam().stream().map(CareTeamMember::userId).toList());
		if (canManageTeam()) {
			model.addAttribute("clinicians",
					this.directory.activeWithAnyRole(EnumSet.of(Role.PRESCRIBER, Role.NURSE, Role.THERAPIST)));
		}
		if (patient.clinicalAccess()) {
			model.addAttribute("measurements", this.patients.measurements(id));
			model.addAttribute("alerts",
					this.alerts.stream().flatMap((source) -> source.alertsFor(id).stream()).toList());
		}
		return CHART;
	}

	@GetMapping("/{id}/edit")
	String initEdit(@PathVariable UUID id, Model model) {
		PatientView patient = this.patients.read(id);
		model.addAttribute("patient", PatientForms.from(patient));
		model.addAttribute("patientId", id);
		return FORM;
	}

	@PostMapping("/{id}")
	String processEdit(@PathVariable UUID id, @Valid @ModelAttribute("patient") PatientDetails patient,
			BindingResult result, Model model, RedirectAttributes redirect) {
		model.addAttribute("patientId", id);
		if (result.hasErrors()) {
			return FORM;
		}
		try {
			this.patients.update(id, patient);
			redirect.addFlashAttribute("message", "Saved.");
			return "redirect:/patients/" + id;
		}
		catch (InvalidInputException ex) {
			PatientForms.reject(ex, result);
		}
		catch (VersionConflictException ex) {
			result.reject("conflict",
					"Someone else changed this patient while you were editing. Open the chart again and reapply your change.");
		}
		return FORM;
	}

	@PostMapping("/{id}/care-team")
	String replaceCareTeam(@PathVariable UUID id, @RequestParam(name = "members", required = false) List<UUID> members,
			RedirectAttributes redirect) {
		try {
			this.patients.replaceCareTeam(id, (members == null) ? List.of() : members);
			redirect.addFlashAttribute("message", "Care team updated.");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.problems().get(0).message());
		}
		return "redirect:/patients/" + id;
	}

	@PostMapping("/{id}/measurements")
	String recordMeasurement(@PathVariable UUID id, @RequestParam(required = false) BigDecimal weightKg,
			@RequestParam(required = false) BigDecimal heightCm, @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime measuredAt,
			RedirectAttributes redirect) {
		try {
			Instant at = (measuredAt != null) ? measuredAt.atZone(this.clinicTime.timeZone()).toInstant() : null;
			this.patients.recordMeasurement(id, weightKg, heightCm, at);
			redirect.addFlashAttribute("message", "Measurement recorded.");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.problems().get(0).message());
		}
		return "redirect:/patients/" + id;
	}

	@PostMapping("/{id}/measurements/{measurementId}/void")
	String voidMeasurement(@PathVariable UUID id, @PathVariable UUID measurementId, @RequestParam String reason,
			RedirectAttributes redirect) {
		try {
			this.patients.voidMeasurement(id, measurementId, reason);
			redirect.addFlashAttribute("message", "Measurement voided.");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.problems().get(0).message());
		}
		return "redirect:/patients/" + id;
	}

	private boolean canManageTeam() {
		var user = this.currentUser.require();
		return user.has(Role.ADMIN) || user.has(Role.PRESCRIBER);
	}

	/**
	 * Mirrors the service rule only to decide whether to show the form; the service
	 * enforces it.
	 */
	private boolean canRecordMeasurements(PatientView patient) {
		var user = this.currentUser.require();
		return user.has(Role.PRESCRIBER)
				|| (user.has(Role.NURSE) && patient.careTeam().stream().anyMatch((m) -> m.userId().equals(user.id())));
	}

}
