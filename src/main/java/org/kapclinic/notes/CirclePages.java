package org.kapclinic.notes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.kapclinic.scheduling.GroupSessions;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.Refusal;
import org.kapclinic.shared.RuleViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Group integration circles in the browser (issue 14 item 9): the circles of the past and
 * coming weeks, and one circle's page for its facilitator: members with their attendance,
 * the shared note, and a short entry to each attending member's chart. Every rule (who
 * may read the circle, entries only for attending members, no other member named) is
 * {@link GroupNotes}'s; this class only turns forms into its calls.
 */
@Controller
class CirclePages {

	/** How far back and ahead the circles list reaches. */
	private static final Duration LIST_BEHIND = Duration.ofDays(14);

	private static final Duration LIST_AHEAD = Duration.ofDays(42);

	private final GroupNotes groups;

	private final GroupSessions sessions;

	private final ClinicTime clinicTime;

	private final Clock clock;

	CirclePages(GroupNotes groups, GroupSessions sessions, ClinicTime clinicTime, Clock clock) {
		this.groups = groups;
		this.sessions = sessions;
		this.clinicTime = clinicTime;
		this.clock = clock;
	}

	@GetMapping("/circles")
	String list(Model model) {
		Instant now = Instant.now(this.clock);
		model.addAttribute("circles", this.sessions.between(now.minus(LIST_BEHIND), now.plus(LIST_AHEAD)));
		model.addAttribute("now", now);
		model.addAttribute("zone", this.clinicTime.timeZone().getId());
		return "notes/circles";
	}

	@GetMapping("/circles/{id}")
	String circle(@PathVariable UUID id, Model model) {
		model.addAttribute("circle", this.groups.circle(id));
		model.addAttribute("summary",
				this.sessions.summary(id).orElseThrow(() -> new NotFoundException("GroupSession", id)));
		model.addAttribute("marks", Attendance.values());
		model.addAttribute("zone", this.clinicTime.timeZone().getId());
		return "notes/circle";
	}

	/** One radio group per member, named {@code attendance-<patientId>}. */
	@PostMapping("/circles/{id}/attendance")
	String attendance(@PathVariable UUID id, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
		Map<UUID, String> marks = new LinkedHashMap<>();
		params.forEach((key, value) -> {
			if (key.startsWith("attendance-") && value != null && !value.isBlank()) {
				marks.put(UUID.fromString(key.substring("attendance-".length())), value);
			}
		});
		if (marks.isEmpty()) {
			redirect.addFlashAttribute("error", "Mark at least one member as attended, left early or absent.");
			return "redirect:/circles/" + id;
		}
		this.groups.recordAttendance(id, marks);
		redirect.addFlashAttribute("message", "Attendance saved.");
		return "redirect:/circles/" + id;
	}

	/** Starts the shared note and opens it in the note editor (where it is signed). */
	@PostMapping("/circles/{id}/note")
	String startNote(@PathVariable UUID id, RedirectAttributes redirect) {
		return "redirect:/notes/" + this.groups.startNote(id, Map.of()).id();
	}

	@PostMapping("/circles/{id}/members/{patientId}/entry")
	String entry(@PathVariable UUID id, @PathVariable UUID patientId, @RequestParam(defaultValue = "") String body,
			RedirectAttributes redirect) {
		try {
			this.groups.fileMemberEntry(id, patientId, body);
			redirect.addFlashAttribute("message", "Entry signed and filed to the member's chart.");
		}
		catch (InvalidInputException | RuleViolationException ex) {
			Refusal.flash(redirect, ex);
			redirect.addFlashAttribute("entryPatient", patientId);
			redirect.addFlashAttribute("entryText", body);
		}
		return "redirect:/circles/" + id;
	}

}
