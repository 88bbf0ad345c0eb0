package org.kapclinic.scheduling;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kapclinic.identity.Role;
import org.kapclinic.identity.UserDirectory;
import org.kapclinic.intake.Program;
import org.kapclinic.patient.PatientSummary;
import org.kapclinic.patient.Patients;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.NotFoundException;
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
 * The clinic's day and week calendar (whole clinic, one chair or room, one staff member)
 * and the patient chart's schedule tab: courses with planned against done, appointments
 * with their history, and forms to start a course and book.
 */
@Controller
class SchedulePages {

	/** How far ahead the booking form offers circles to join. */
	private static final int CIRCLES_AHEAD_DAYS = 56;

	private final Appointments appointments;

	private final Courses courses;

	private final CourseProgress courseProgress;

	private final CourseTemplates templates;

	private final ClinicResources resources;

	private final UserDirectory directory;

	private final Patients patients;

	private final ClinicTime clinicTime;

	private final AppointmentNames names;

	private final GroupSessions circles;

	private final java.time.Clock clock;

	SchedulePages(Appointments appointments, Courses courses, CourseProgress courseProgress, CourseTemplates templates,
			ClinicResources resources, UserDirectory directory, Patients patients, ClinicTime clinicTime,
			AppointmentNames names, GroupSessions circles, java.time.Clock clock) {
		this.circles = circles;
		this.clock = clock;
		this.appointments = appointments;
		this.courses = courses;
		this.courseProgress = courseProgress;
		this.templates = templates;
		this.resources = resources;
		this.directory = directory;
		this.patients = patients;
		this.names = names;
		this.clinicTime = clinicTime;
	}

	/**
	 * @param start, roomId, staffId, type a booking prefilled from an empty slot of the
	 * schedule grid
	 */
	@GetMapping("/patients/{id}/schedule")
	String patient(@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime start,
			@RequestParam(required = false) UUID roomId, @RequestParam(required = false) UUID staffId,
			@RequestParam(required = false) AppointmentType type, Model model) {
		List<Appointment> history = this.appointments.forPatient(id);
		PatientSummary patient = this.patients.summary(id).orElseThrow(() -> new NotFoundException("Patient", id));
		model.addAttribute("patient", patient);
		model.addAttribute("appointments", history);
		model.addAttribute("rooms", this.names.rooms());
		model.addAttribute("roomList", this.resources.rooms());
		model.addAttribute("staffList", this.directory.activeWithAnyRole(Role.staff()));
		model.addAttribute("staffNames", this.names.staff(history));
		model.addAttribute("types", AppointmentType.values());
		model.addAttribute("programs", Program.values());
		Instant now = Instant.now(this.clock);
		model.addAttribute("circles",
				this.circles.between(now, now.plus(java.time.Duration.ofDays(CIRCLES_AHEAD_DAYS)))
					.stream()
					.filter((c) -> c.placesLeft() > 0)
					.toList());
		if (!model.containsAttribute("booking")) {
			model.addAttribute("booking", new BookingForm((type != null) ? type.name() : null, start, 60, roomId,
					(staffId != null) ? List.of(staffId) : List.of(), null, null, null));
		}
		model.addAttribute("zone", this.clinicTime.timeZone().getId());
		try {
			List<Course> list = this.courses.list(id);
			Map<UUID, List<Course.Progress>> progress = new HashMap<>();
			Map<UUID, List<org.kapclinic.shared.Refusal.Reason>> checks = new HashMap<>();
			list.forEach((course) -> progress.put(course.id(), this.courseProgress.progress(course.id())));
			// The API's "CODE: detail" lines, in words on the page (messages.properties),
			// with
			// times on the clinic's clock.
			list.forEach((course) -> checks.put(course.id(),
					this.courseProgress.checks(course.id())
						.stream()
						.map(this::onClinicClock)
						.map(org.kapclinic.shared.Refusal::reason)
						.toList()));
			model.addAttribute("checks", checks);
			model.addAttribute("courses", list);
			model.addAttribute("progress", progress);
			List<CourseTemplate> current = this.templates.current();
			model.addAttribute("templates", current);
			model.addAttribute("therapists", this.directory.activeWithAnyRole(List.of(Role.THERAPIST)));
		}
		catch (org.springframework.security.access.AccessDeniedException ex) {
			// Front desk: appointments yes, clinical courses no.
			model.addAttribute("courses", null);
		}
		return "scheduling/patient";
	}

	@PostMapping("/patients/{id}/appointments")
	String book(@PathVariable UUID id, @RequestParam String type,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime start,
			@RequestParam(required = false) Integer durationMinutes, @RequestParam(required = false) UUID roomId,
			@RequestParam(required = false) List<UUID> staffIds, @RequestParam(required = false) UUID courseId,
			@RequestParam(required = false) String program, @RequestParam(required = false) UUID groupId,
			RedirectAttributes redirect) {
		BookingForm typed = new BookingForm(type, start, durationMinutes, roomId,
				(staffIds != null) ? staffIds : List.of(), courseId,
				(program == null || program.isBlank()) ? null : program, groupId);
		try {
			Instant at = (start != null) ? start.atZone(this.clinicTime.timeZone()).toInstant() : null;
			if (groupId != null && at == null) {
				// A member takes the circle's time: the form's start may stay empty.
				at = this.circles.find(groupId).map(GroupSessions.GroupSession::start).orElse(null);
			}
			this.appointments.book(new AppointmentRequest(id, type, at, durationMinutes, roomId, staffIds, courseId,
					typed.program(), null, null, groupId, null));
			redirect.addFlashAttribute("message", "Booked.");
		}
		catch (InvalidInputException | RuleViolationException | ConflictException ex) {
			Refusal.flash(redirect, ex, id);
			redirect.addFlashAttribute("booking", typed);
		}
		return "redirect:/patients/" + id + "/schedule";
	}

	@PostMapping("/patients/{id}/courses")
	String startCourse(@PathVariable UUID id, @RequestParam String templateCode,
			@RequestParam(required = false) UUID therapistId, @RequestParam(required = false) String outsideTherapist,
			@RequestParam(required = false) String goals, RedirectAttributes redirect) {
		this.courses.start(id, new CourseRequest(templateCode, null, therapistId, outsideTherapist, goals));
		redirect.addFlashAttribute("message", "Course planned.");
		return "redirect:/patients/" + id + "/schedule";
	}

	@PostMapping("/appointments/{id}/cancel")
	String cancel(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		Appointment appointment = this.appointments.find(id);
		this.appointments.cancel(id, reason);
		redirect.addFlashAttribute("message", "Cancelled.");
		return "redirect:/patients/" + appointment.patientId() + "/schedule";
	}

	/**
	 * What the booking form holds: empty at first, what was typed after a refusal.
	 *
	 * @param program KAP, IV_INFUSION or ESKETAMINE (a dosing session without a course)
	 * @param groupId a group integration circle to join (its time and room)
	 */
	record BookingForm(String type, LocalDateTime start, Integer durationMinutes, UUID roomId, List<UUID> staffIds,
			UUID courseId, String program, UUID groupId) implements java.io.Serializable {

		/** The start as {@code <input type="datetime-local">} takes it. */
		public String startValue() {
			return (this.start != null) ? this.start.withSecond(0).withNano(0).toString() : "";
		}

	}

	private static final java.util.regex.Pattern INSTANT = java.util.regex.Pattern
		.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");

	private String onClinicClock(String text) {
		return INSTANT.matcher(text)
			.replaceAll((m) -> java.time.Instant.parse(m.group())
				.atZone(this.clinicTime.timeZone())
				.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
	}

}
