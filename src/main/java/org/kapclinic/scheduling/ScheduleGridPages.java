package org.kapclinic.scheduling;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kapclinic.identity.Role;
import org.kapclinic.identity.UserDirectory;
import org.kapclinic.shared.ClinicTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The clinic's schedule page (issue 14 item 6): the day or week grid built by
 * {@link ScheduleGrid}, and the same appointments as a list for a phone.
 */
@Controller
class ScheduleGridPages {

	private final Appointments appointments;

	private final ClinicResources resources;

	private final UserDirectory directory;

	private final AppointmentNames names;

	private final ClinicTime clinicTime;

	ScheduleGridPages(Appointments appointments, ClinicResources resources, UserDirectory directory,
			AppointmentNames names, ClinicTime clinicTime) {
		this.appointments = appointments;
		this.resources = resources;
		this.directory = directory;
		this.names = names;
		this.clinicTime = clinicTime;
	}

	@GetMapping("/schedule")
	String calendar(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(defaultValue = "day") String view, @RequestParam(defaultValue = "rooms") String by,
			@RequestParam(required = false) UUID roomId, @RequestParam(required = false) UUID staffId,
			org.springframework.security.core.Authentication signedIn, Model model) {
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
			.filter((a) -> !a.withdrawn())
			.toList();
		Map<UUID, String> names = this.names.patients(found);
		Map<UUID, String> rooms = this.names.rooms();
		Map<UUID, String> staff = this.names.staff(found);
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
					a.typeLabel(), "appt-" + a.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
					names.getOrDefault(a.patientId(), "?"), place.toString(),
					a.start().atZone(zone).toLocalDate().equals(today), ScheduleGrid.started(a, now));
			cards.add(card);
			days.computeIfAbsent(a.start().atZone(zone).toLocalDate(), (k) -> new ArrayList<>()).add(card);
		}
		Layout layout = layout(week, byStaff, first, end, day, roomId, staffId, zone);
		model.addAttribute("grid", ScheduleGrid.build(layout.columns(), cards, this.resources.clinicHours(), zone,
				layout.columnOf(), !week));
		model.addAttribute("days", days);
		model.addAttribute("heading", week ? "Week of " + first.format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy"))
				: day.format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy")) + (day.equals(today) ? " (today)" : ""));
		model.addAttribute("types", AppointmentType.values());
		model.addAttribute("opensCircles", opensCircles(signedIn));
		model.addAttribute("roomList", this.resources.rooms());
		model.addAttribute("staffList", this.directory.activeWithAnyRole(Role.staff()));
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

	/** The grid's columns (days, staff or rooms) and which column a card goes in. */
	private Layout layout(boolean week, boolean byStaff, LocalDate first, LocalDate end, LocalDate day, UUID roomId,
			UUID staffId, ZoneId zone) {
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
		return new Layout(columns, columnOf);
	}

	private record Layout(List<ScheduleGrid.Column> columns,
			java.util.function.Function<ScheduleGrid.Card, List<String>> columnOf) {
	}

	/**
	 * Whether the cards offer the circle page. Asked once, not per card: a security
	 * expression per card cost ~60 ms on a busy week.
	 */
	private static boolean opensCircles(org.springframework.security.core.Authentication signedIn) {
		return signedIn != null && signedIn.getAuthorities()
			.stream()
			.anyMatch((a) -> java.util.stream.Stream.of(Role.ADMIN, Role.PRESCRIBER, Role.NURSE, Role.THERAPIST)
				.anyMatch((role) -> role.authority().equals(a.getAuthority())));
	}

}
