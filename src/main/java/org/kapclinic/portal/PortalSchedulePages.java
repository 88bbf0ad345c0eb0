package org.kapclinic.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.scheduling.Appointment;
import org.kapclinic.scheduling.AppointmentType;
import org.kapclinic.scheduling.OwnAppointments;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The patient's schedule (issue 21): what is booked and what was, each booked one as a
 * calendar file, and requests to move, cancel or book that the front desk confirm. An
 * appointment id of another patient's answers 404, as one that does not exist.
 */
@Controller
class PortalSchedulePages {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm");

	/** An appointment as the patient reads it. */
	record Row(UUID id, String what, String when, String statusLabel, boolean changeable) {
	}

	private final OwnAppointments appointments;

	private final PortalRequests requests;

	private final PortalSettings settings;

	private final ClinicTime clinicTime;

	private final AuditTrail audit;

	private final Clock clock;

	PortalSchedulePages(OwnAppointments appointments, PortalRequests requests, PortalSettings settings,
			ClinicTime clinicTime, AuditTrail audit, Clock clock) {
		this.appointments = appointments;
		this.requests = requests;
		this.settings = settings;
		this.clinicTime = clinicTime;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/portal/schedule")
	String schedule(@AuthenticationPrincipal PortalPrincipal patient, Model model) {
		Instant now = Instant.now(this.clock);
		List<Row> upcoming = this.appointments.upcoming(patient.patientId(), now)
			.stream()
			.map((a) -> row(a, now))
			.toList();
		List<Row> past = this.appointments.past(patient.patientId(), now).stream().map((a) -> row(a, now)).toList();
		this.audit.record(AuditEvent.of(AuditAction.READ, "PortalSchedule", patient.patientId())
			.patient(patient.patientId())
			.category(DataCategory.ADMINISTRATION)
			.detail("portal schedule: " + upcoming.size() + " upcoming, " + past.size() + " past"));
		model.addAttribute("upcoming", upcoming);
		model.addAttribute("past", past);
		model.addAttribute("types",
				this.settings.requestableTypes()
					.stream()
					.map((t) -> new String[] { t, AppointmentType.labelOf(t) })
					.toList());
		return "portal/schedule";
	}

	@GetMapping("/portal/schedule/{appointmentId}.ics")
	ResponseEntity<String> calendar(@AuthenticationPrincipal PortalPrincipal patient,
			@PathVariable UUID appointmentId) {
		String file = this.appointments.calendarFile(patient.patientId(), appointmentId)
			.orElseThrow(() -> new NotFoundException("Appointment", appointmentId));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/calendar"))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"appointment.ics\"")
			.body(file);
	}

	@PostMapping("/portal/schedule/{appointmentId}/request")
	String change(@AuthenticationPrincipal PortalPrincipal patient, @PathVariable UUID appointmentId,
			@RequestParam(required = false) PortalRequests.Change change, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		if (change == null) {
			throw new NotFoundException("Appointment", appointmentId);
		}
		this.requests.change(patient.patientId(), appointmentId, change, note);
		redirect.addFlashAttribute("message",
				"Sent to the front desk. Your appointment stays as it is until they confirm the change with you.");
		return "redirect:/portal/schedule";
	}

	@PostMapping("/portal/schedule/requests")
	String ask(@AuthenticationPrincipal PortalPrincipal patient, @RequestParam(required = false) String type,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		this.requests.ask(patient.patientId(), type, note);
		redirect.addFlashAttribute("message", "Sent to the front desk: they will contact you with a time.");
		return "redirect:/portal/schedule";
	}

	private Row row(Appointment a, Instant now) {
		return new Row(a.id(), a.typeLabel(), WHEN.format(a.start().atZone(this.clinicTime.timeZone())),
				a.statusLabel(), a.booked() && a.start().isAfter(now));
	}

}
