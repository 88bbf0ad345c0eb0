package org.kapclinic.scheduling;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
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

	private final Appointments appointments;

	private final Courses courses;

	private final CourseTemplates templates;

	private final ClinicResources resources;

	private final UserDirectory directory;

	private final Patients patients;

	private final ClinicTime clinicTime;

	SchedulePages(Appointments appointments, Courses courses, CourseTemplates templates, ClinicResources resources,
			UserDirectory directory, Patients patients, ClinicTime clinicTime) {
		this.appointments = appointments;
		this.courses = courses;
		this.templates = templates;
		this.resources = resources;
		this.directory = directory;
		this.patients = patients;
		this.clinicTime = clinicTime;
	}

	@GetMapping("/schedule")
	String calendar(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(defaultValue = "day") String view, @RequestParam(defaultValue = "rooms") String by,
			@RequestParam(required = false) UUID roomId, @RequestParam(required = false) UUID staffId, Model model) {
		ZoneId zone = this.clinicTime.timeZone();
		LocalDate today = LocalDate.now(zone);
		LocalDate day = (date != null) ? date : today;
		boolean week = "week".equals(view);
		boolean byStaff = "staff".equals(by);
		LocalDate first = week ? ScheduleGrid.weekStart(day) : day;
		LocalDate end = first.plusDays(week ? 7 : 1);
		List<Appointment> found = this.appointments
			.between(first.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant(), roomId, staffId, true)
			.stream()
			.filter((a) -> !"CANCELLED".equals(a.status()) && !"RESCHEDULED".equals(a.status()))
			.toList();
		Map<UUID, String> names = names(found);
		Map<UUID, String> rooms = roomNames();
		Map<UUID, String> staff = staffNames(found);
		DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm").withZone(zone);
		java.time.Instant now = java.time.Instant.now();
		List<ScheduleGrid.Card> cards = new ArrayList<>();
		Map<LocalDate, List<ScheduleGrid.Card>> days = new LinkedHashMap<>();
		for (LocalDate d = first; d.isBefore(end); d = d.plusDays(1)) {
			days.put(d, new ArrayList<>());
		}
		for (Appointment a : found) {
			StringBuilder place = new StringBuilder((a.roomId() != null) ? rooms.getOrDefault(a.roomId(), "")
					: (a.telehealthLink() != null) ? "Telehealth" : "");
			a.staffIds().forEach((id) -> place.append(" · ").append(staff.getOrDefault(id, "?")));
			ScheduleGrid.Card card = new ScheduleGrid.Card(a, time.format(a.start()) + "–" + time.format(a.end()),
					a.typeLabel(), "appt-" + a.type().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
					names.getOrDefault(a.patientId(), "?"), place.toString(),
					a.start().atZone(zone).toLocalDate().equals(today), ScheduleGrid.started(a, now));
			cards.add(card);
			days.computeIfAbsent(a.start().atZone(zone).toLocalDate(), (k) -> new ArrayList<>()).add(card);
		}
		List<ScheduleGrid.Column> columns = new ArrayList<>();
		java.util.function.Function<ScheduleGrid.Card, List<String>> columnOf;
		if (week) {
			DateTimeFormatter heading = DateTimeFormatter.ofPattern("EEE d MMM");
			for (LocalDate d = first; d.isBefore(end); d = d.plusDays(1)) {
				columns.add(new ScheduleGrid.Column(d.toString(), heading.format(d), roomId, staffId, d));
			}
			columnOf = (c) -> List.of(c.appointment().start().atZone(zone).toLocalDate().toString());
		}
		else if (byStaff) {
			this.directory.activeWithAnyRole(EnumSet.of(Role.PRESCRIBER, Role.NURSE, Role.THERAPIST))
				.stream()
				.filter((s) -> staffId == null || s.id().equals(staffId))
				.forEach((s) -> columns
					.add(new ScheduleGrid.Column(s.id().toString(), s.displayName(), null, s.id(), day)));
			columns.add(new ScheduleGrid.Column("none", "No staff", null, null, day));
			columnOf = (c) -> c.appointment().staffIds().isEmpty() ? List.of("none")
					: c.appointment().staffIds().stream().map(UUID::toString).toList();
		}
		else {
			this.resources.rooms()
				.stream()
				.filter((r) -> roomId == null || r.id().equals(roomId))
				.forEach((r) -> columns.add(new ScheduleGrid.Column(r.id().toString(), r.name(), r.id(), null, day)));
			columns.add(new ScheduleGrid.Column("none", "Telehealth / no room", null, null, day));
			columnOf = (c) -> List
				.of((c.appointment().roomId() != null) ? c.appointment().roomId().toString() : "none");
		}
		model.addAttribute("grid",
				ScheduleGrid.build(columns, cards, this.resources.clinicHours(), zone, columnOf, !week));
		model.addAttribute("days", days);
		model.addAttribute("heading", week ? "Week of " + first.format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy"))
				: day.format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy")) + (day.equals(today) ? " (today)" : ""));
		model.addAttribute("types", AppointmentType.values());
		model.addAttribute("roomList", this.resources.rooms());
		model.addAttribute("staffList", this.directory.activeWithAnyRole(EnumSet.allOf(Role.class)));
		model.addAttribute("date", day);
		model.addAttribute("today", today);
		model.addAttribute("view", week ? "week" : "day");
		model.addAttribute("by", byStaff ? "staff" : "rooms");
		model.addAttribute("roomId", roomId);
		model.addAttribute("staffId", staffId);
		model.addAttribute("previous", day.minusDays(week ? 7 : 1));
		model.addAttribute("next", day.plusDays(week ? 7 : 1));
		model.addAttribute("zone", zone.getId());
		return "scheduling/calendar";
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
		model.addAttribute("rooms", roomNames());
		model.addAttribute("roomList", this.resources.rooms());
		model.addAttribute("staffList", this.directory.activeWithAnyRole(EnumSet.allOf(Role.class)));
		model.addAttribute("staffNames", staffNames(history));
		model.addAttribute("types", AppointmentType.values());
		model.addAttribute("programs", Program.values());
		if (!model.containsAttribute("booking")) {
			model.addAttribute("booking", new BookingForm((type != null) ? type.name() : null, start, 60, roomId,
					(staffId != null) ? List.of(staffId) : List.of(), null, null));
		}
		model.addAttribute("zone", this.clinicTime.timeZone().getId());
		try {
			List<Course> list = this.courses.list(id);
			Map<UUID, List<Course.Progress>> progress = new HashMap<>();
			Map<UUID, List<org.kapclinic.shared.Refusal.Reason>> checks = new HashMap<>();
			list.forEach((course) -> progress.put(course.id(), this.courses.progress(course.id())));
			// The API's "CODE: detail" lines, in words on the page (messages.properties),
			// with
			// times on the clinic's clock.
			list.forEach((course) -> checks.put(course.id(),
					this.courses.checks(course.id())
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
			@RequestParam(required = false) String program, RedirectAttributes redirect) {
		BookingForm typed = new BookingForm(type, start, durationMinutes, roomId,
				(staffIds != null) ? staffIds : List.of(), courseId,
				(program == null || program.isBlank()) ? null : program);
		try {
			Instant at = (start != null) ? start.atZone(this.clinicTime.timeZone()).toInstant() : null;
			this.appointments.book(new AppointmentRequest(id, type, at, durationMinutes, roomId, staffIds, courseId,
					typed.program(), null, null, null, null));
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
		try {
			this.courses.start(id, new CourseRequest(templateCode, null, therapistId, outsideTherapist, goals));
			redirect.addFlashAttribute("message", "Course planned.");
		}
		catch (InvalidInputException | RuleViolationException ex) {
			Refusal.flash(redirect, ex, id);
		}
		return "redirect:/patients/" + id + "/schedule";
	}

	@PostMapping("/appointments/{id}/cancel")
	String cancel(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		Appointment appointment = this.appointments.find(id);
		try {
			this.appointments.cancel(id, reason);
			redirect.addFlashAttribute("message", "Cancelled.");
		}
		catch (InvalidInputException | RuleViolationException ex) {
			Refusal.flash(redirect, ex, appointment.patientId());
		}
		return "redirect:/patients/" + appointment.patientId() + "/schedule";
	}

	/**
	 * What the booking form holds: empty at first, what was typed after a refusal.
	 *
	 * @param program KAP, IV_INFUSION or ESKETAMINE (a dosing session without a course)
	 */
	record BookingForm(String type, LocalDateTime start, Integer durationMinutes, UUID roomId, List<UUID> staffIds,
			UUID courseId, String program) implements java.io.Serializable {

		static BookingForm blank() {
			return new BookingForm(null, null, 60, null, List.of(), null, null);
		}

		/** The start as {@code <input type="datetime-local">} takes it. */
		public String startValue() {
			return (this.start != null) ? this.start.withSecond(0).withNano(0).toString() : "";
		}

	}

	private Map<UUID, String> names(List<Appointment> appointments) {
		Map<UUID, String> names = new HashMap<>();
		this.patients.names(appointments.stream().map(Appointment::patientId).toList())
			.forEach((id, name) -> names.put(id, name.displayName()));
		return names;
	}

	private Map<UUID, String> roomNames() {
		Map<UUID, String> rooms = new HashMap<>();
		this.resources.rooms().forEach((room) -> rooms.put(room.id(), room.name()));
		return rooms;
	}

	private Map<UUID, String> staffNames(List<Appointment> appointments) {
		Map<UUID, StaffMember> members = this.directory
			.findAll(appointments.stream().flatMap((a) -> a.staffIds().stream()).distinct().toList());
		Map<UUID, String> names = new HashMap<>();
		members.forEach((id, member) -> names.put(id, member.displayName()));
		return names;
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
