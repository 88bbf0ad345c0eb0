package org.kapclinic.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.identity.UserDirectory;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.Refusal;
import org.kapclinic.shared.RuleViolationException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clinic's setup for administrators (issue 14 item 9; /admin/** is ADMIN only):
 * chairs and rooms with what they are equipped for, opening hours and holidays, and each
 * clinician's weekly hours, capacity and time off. Every change goes through
 * {@link ClinicResources}, the same service the API uses.
 */
@Controller
class ClinicSetupPages {

	private final ClinicResources resources;

	private final WorkingHours workingHours;

	private final UserDirectory directory;

	private final ClinicTime clinicTime;

	ClinicSetupPages(ClinicResources resources, WorkingHours workingHours, UserDirectory directory,
			ClinicTime clinicTime) {
		this.resources = resources;
		this.workingHours = workingHours;
		this.directory = directory;
		this.clinicTime = clinicTime;
	}

	@GetMapping("/admin/clinic")
	String setup(Model model) {
		model.addAttribute("rooms", this.resources.rooms());
		if (!model.containsAttribute("weekdays")) {
			model.addAttribute("weekdays", weekdays(this.resources.clinicHours()));
		}
		model.addAttribute("holidays", this.resources.holidays(LocalDate.now(this.clinicTime.timeZone())));
		model.addAttribute("staff",
				this.directory.activeWithAnyRole(EnumSet.of(Role.PRESCRIBER, Role.NURSE, Role.THERAPIST)));
		return "scheduling/clinic-setup";
	}

	@PostMapping("/admin/clinic/rooms")
	String addRoom(@RequestParam(required = false) String name, @RequestParam(required = false) String kind,
			@RequestParam(required = false) List<String> capabilities, RedirectAttributes redirect) {
		List<String> caps = (capabilities == null) ? List.of() : capabilities;
		return act(redirect, "/admin/clinic", "Added.", () -> this.resources.createRoom(name, kind, caps));
	}

	@PostMapping("/admin/clinic/rooms/{id}/deactivate")
	String deactivate(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(redirect, "/admin/clinic", "Taken out of use.", () -> this.resources.deactivateRoom(id));
	}

	@PostMapping("/admin/clinic/hours")
	String hours(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
		keepTyped(form, redirect);
		return act(redirect, "/admin/clinic", "Opening hours saved.",
				() -> this.resources.setClinicHours(shifts(form)));
	}

	/** A refused form comes back as typed (dropped again when the save succeeds). */
	private static void keepTyped(MultiValueMap<String, String> form, RedirectAttributes redirect) {
		List<Weekday> typed = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			String open = form.getFirst("open" + day.getValue());
			String close = form.getFirst("close" + day.getValue());
			typed.add(new Weekday(day.getValue(), day.getDisplayName(TextStyle.FULL, Locale.ENGLISH),
					(open != null) ? open : "", (close != null) ? close : ""));
		}
		redirect.addFlashAttribute("weekdays", typed);
	}

	@PostMapping("/admin/clinic/holidays")
	String holiday(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestParam(required = false) String name, RedirectAttributes redirect) {
		return act(redirect, "/admin/clinic", "Holiday added.", () -> this.resources.addHoliday(day, name));
	}

	@GetMapping("/admin/staff/{id}/hours")
	String staffHours(@PathVariable UUID id, Model model) {
		StaffMember member = this.directory.find(id).orElseThrow(() -> new NotFoundException("User", id));
		StaffHours hours = this.workingHours.hours(id);
		java.util.Map<Integer, LocalTime[]> byDay = new java.util.HashMap<>();
		hours.hours().forEach((s) -> byDay.putIfAbsent(s.weekday(), new LocalTime[] { s.start(), s.end() }));
		model.addAttribute("member", member);
		model.addAttribute("capacity", hours.capacity());
		if (!model.containsAttribute("weekdays")) {
			model.addAttribute("weekdays", weekdays(byDay));
		}
		model.addAttribute("timeOff", this.workingHours.timeOff(id, java.time.Instant.now()));
		model.addAttribute("zone", this.clinicTime.timeZone());
		return "scheduling/staff-hours";
	}

	@PostMapping("/admin/staff/{id}/hours")
	String saveStaffHours(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> form,
			RedirectAttributes redirect) {
		String capacity = form.getFirst("capacity");
		keepTyped(form, redirect);
		return act(redirect, "/admin/staff/" + id + "/hours", "Hours saved.", () -> {
			int concurrent;
			try {
				concurrent = Integer.parseInt((capacity != null) ? capacity.trim() : "");
			}
			catch (NumberFormatException ex) {
				throw InvalidInputException.of("capacity", "a number from 1 to 8");
			}
			this.workingHours.setHours(id, new StaffHours(concurrent, shifts(form)));
		});
	}

	@PostMapping("/admin/staff/{id}/time-off")
	String timeOff(@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return act(redirect, "/admin/staff/" + id + "/hours", "Time off added.",
				() -> this.workingHours.addTimeOff(id,
						(from != null) ? from.atZone(this.clinicTime.timeZone()).toInstant() : null,
						(to != null) ? to.atZone(this.clinicTime.timeZone()).toInstant() : null,
						(reason != null && !reason.isBlank()) ? reason.trim() : null));
	}

	/**
	 * One row per weekday: its name, and its hours as typed (empty when closed or off).
	 */
	record Weekday(int number, String name, String open, String close) implements java.io.Serializable {
	}

	private static List<Weekday> weekdays(java.util.Map<Integer, LocalTime[]> hours) {
		List<Weekday> days = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			LocalTime[] range = hours.get(day.getValue());
			days.add(new Weekday(day.getValue(), day.getDisplayName(TextStyle.FULL, Locale.ENGLISH),
					(range != null) ? range[0].toString() : "", (range != null) ? range[1].toString() : ""));
		}
		return days;
	}

	/**
	 * The form's open/close pairs per weekday ("open1", "close1" …); blank pairs are
	 * closed days.
	 */
	private static List<StaffHours.Shift> shifts(MultiValueMap<String, String> form) {
		List<StaffHours.Shift> shifts = new ArrayList<>();
		for (int day = 1; day <= 7; day++) {
			String open = form.getFirst("open" + day);
			String close = form.getFirst("close" + day);
			boolean blankOpen = open == null || open.isBlank();
			boolean blankClose = close == null || close.isBlank();
			if (blankOpen && blankClose) {
				continue;
			}
			if (blankOpen || blankClose) {
				throw InvalidInputException.of("hours",
						DayOfWeek.of(day).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " needs both times");
			}
			shifts.add(new StaffHours.Shift(day, LocalTime.parse(open), LocalTime.parse(close)));
		}
		return shifts;
	}

	private static String act(RedirectAttributes redirect, String back, String done, Runnable action) {
		try {
			action.run();
			redirect.getFlashAttributes().remove("weekdays");
			redirect.addFlashAttribute("message", done);
		}
		catch (InvalidInputException | RuleViolationException ex) {
			Refusal.flash(redirect, ex);
		}
		return "redirect:" + back;
	}

}
