package org.kapclinic.scheduling;

import java.time.LocalDateTime;
import java.util.UUID;

import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.Refusal;
import org.kapclinic.shared.RuleViolationException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the schedule grid's cards do (issue 14 item 6): the patient has arrived, did not
 * come, the visit is done, or the appointment moves to another time or room. Each goes
 * through {@link Appointments}' own rules and comes back to the grid it came from.
 */
@Controller
class AppointmentCardPages {

	private final Appointments appointments;

	private final ClinicResources resources;

	private final ClinicTime clinicTime;

	AppointmentCardPages(Appointments appointments, ClinicResources resources, ClinicTime clinicTime) {
		this.appointments = appointments;
		this.resources = resources;
		this.clinicTime = clinicTime;
	}

	@PostMapping("/appointments/{id}/arrived")
	String arrived(@PathVariable UUID id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
		return act(id, back, redirect, "Arrived.", () -> this.appointments.arrived(id));
	}

	@PostMapping("/appointments/{id}/no-show")
	String noShow(@PathVariable UUID id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
		return act(id, back, redirect, "Marked as no-show.", () -> this.appointments.noShow(id));
	}

	@PostMapping("/appointments/{id}/complete")
	String complete(@PathVariable UUID id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
		return act(id, back, redirect, "Marked as done.", () -> this.appointments.complete(id));
	}

	@GetMapping("/appointments/{id}/move")
	String moveForm(@PathVariable UUID id, @RequestParam(required = false) String back, Model model) {
		Appointment appointment = this.appointments.read(id);
		model.addAttribute("appointment", appointment);
		model.addAttribute("start",
				appointment.start().atZone(this.clinicTime.timeZone()).toLocalDateTime().withSecond(0).withNano(0));
		model.addAttribute("roomList", this.resources.rooms());
		model.addAttribute("back", safe(back));
		return "scheduling/move";
	}

	@PostMapping("/appointments/{id}/move")
	String move(@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime start,
			@RequestParam(required = false) Integer durationMinutes, @RequestParam(required = false) UUID roomId,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		if (start == null) {
			Refusal.flash(redirect, InvalidInputException.of("start", "choose the new date and time"));
			return "redirect:/appointments/" + id + "/move";
		}
		try {
			this.appointments.reschedule(id, start.atZone(this.clinicTime.timeZone()).toInstant(), durationMinutes,
					roomId, null, (reason != null && !reason.isBlank()) ? reason.trim() : null);
			redirect.addFlashAttribute("message", "Moved.");
		}
		catch (InvalidInputException | RuleViolationException | ConflictException ex) {
			Refusal.flash(redirect, ex, this.appointments.find(id).patientId());
			return "redirect:/appointments/" + id + "/move" + ((back != null) ? "?back=" + encode(safe(back)) : "");
		}
		return "redirect:" + safe(back) + "#schedule-grid";
	}

	private String act(UUID id, String back, RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("message", done);
		}
		catch (InvalidInputException | RuleViolationException ex) {
			Refusal.flash(redirect, ex);
		}
		return "redirect:" + safe(back);
	}

	/** Back to the grid the user came from, never anywhere else. */
	private static String safe(String back) {
		return (back != null && back.startsWith("/schedule") && !back.contains("//")) ? back : "/schedule";
	}

	private static String encode(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
	}

}
