package org.kapclinic.scheduling;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.kapclinic.identity.Role;
import org.kapclinic.shared.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rooms, hours, REMS enrolment, appointments and availability over HTTP (courses:
 * {@link CourseApi}).
 */
@RestController
@Tag(name = "Courses and scheduling")
class SchedulingApi {

	private final ClinicResources resources;

	private final WorkingHours workingHours;

	private final RemsEnrollments rems;

	private final Appointments appointments;

	private final Availability availability;

	SchedulingApi(ClinicResources resources, WorkingHours workingHours, RemsEnrollments rems, Appointments appointments,
			Availability availability) {
		this.resources = resources;
		this.workingHours = workingHours;
		this.rems = rems;
		this.appointments = appointments;
		this.availability = availability;
	}

	@PostMapping("/api/v1/rooms")
	@Operation(summary = "Add a room or treatment chair (ADMIN)",
			description = "capabilities: RoomCapability codes or labels in any case and spacing (IV_PUMP, \"IV pump\", "
					+ "\"iv  pump\"); stored and returned as codes. Anything else is 400.")
	ResponseEntity<Room> createRoom(@RequestBody RoomRequest request) {
		Room room = this.resources.createRoom(request.name(), request.kind(), request.capabilities());
		return ResponseEntity.created(URI.create("/api/v1/rooms/" + room.id())).body(room);
	}

	@GetMapping("/api/v1/rooms")
	@Operation(summary = "Rooms and chairs")
	List<Room> rooms() {
		return this.resources.rooms();
	}

	@PutMapping("/api/v1/staff/{id}/hours")
	@Operation(summary = "A staff member's weekly hours (Monday = 1) and concurrent capacity (ADMIN)")
	StaffHours setHours(@PathVariable UUID id, @RequestBody StaffHours hours) {
		return this.workingHours.setHours(id, hours);
	}

	@GetMapping("/api/v1/staff/{id}/hours")
	@Operation(summary = "A staff member's weekly hours and capacity")
	StaffHours hours(@PathVariable UUID id) {
		return this.workingHours.hours(id);
	}

	@PostMapping("/api/v1/staff/{id}/time-off")
	@Operation(summary = "Record time off (ADMIN)")
	ResponseEntity<Map<String, UUID>> timeOff(@PathVariable UUID id, @RequestBody TimeOff timeOff) {
		return ResponseEntity.status(201)
			.body(Map.of("id", this.workingHours.addTimeOff(id, timeOff.from(), timeOff.to(), timeOff.reason())));
	}

	@PutMapping("/api/v1/clinic/hours")
	@Operation(summary = "Clinic opening hours per weekday (ADMIN); a weekday not listed is closed")
	void clinicHours(@RequestBody List<StaffHours.Shift> hours) {
		this.resources.setClinicHours(hours);
	}

	@PostMapping("/api/v1/clinic/holidays")
	@Operation(summary = "A day the clinic is closed (ADMIN)")
	void holiday(@RequestBody Holiday holiday) {
		this.resources.addHoliday(holiday.day(), holiday.name());
	}

	@PostMapping("/api/v1/patients/{id}/rems-enrollment")
	@Operation(summary = "Record the patient's Spravato REMS enrollment (needed before booking esketamine)")
	void rems(@PathVariable UUID id, @RequestBody Rems rems) {
		this.rems.record(id, rems.enrollmentId(), rems.enrolledOn());
	}

	@PostMapping("/api/v1/appointments")
	@Operation(summary = "Book an appointment (or a recurring series with repeat)",
			description = "201 with the appointment (a series: {seriesId, appointments}). 409 problem naming the "
					+ "conflicting resource (conflict.resourceType Room|Staff|Patient). 422 naming what a gate misses "
					+ "(reasons: NOT_READY, REMS_ENROLLMENT, NURSE_REQUIRED, SPACING, STAFF_HOURS, …).")
	ResponseEntity<Object> book(@RequestBody AppointmentRequest request) {
		List<Appointment> booked = this.appointments.book(request);
		URI location = URI.create("/api/v1/appointments/" + booked.get(0).id());
		if (booked.size() == 1) {
			return ResponseEntity.created(location).body(booked.get(0));
		}
		return ResponseEntity.created(location)
			.body(Map.of("seriesId", booked.get(0).seriesId(), "appointments", booked));
	}

	@GetMapping("/api/v1/appointments")
	@Operation(summary = "Booked appointments overlapping [from, to), optionally of one room or staff member")
	List<Appointment> between(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(required = false) UUID roomId, @RequestParam(required = false) UUID staffId,
			@RequestParam(defaultValue = "false") boolean all) {
		return this.appointments.between(from, to, roomId, staffId, all);
	}

	@GetMapping("/api/v1/appointments/{id}")
	Appointment find(@PathVariable UUID id) {
		return this.appointments.read(id);
	}

	@GetMapping("/api/v1/patients/{id}/appointments")
	@Operation(summary = "The patient's appointments with their history, newest first")
	List<Appointment> forPatient(@PathVariable UUID id) {
		return this.appointments.forPatient(id);
	}

	@PostMapping("/api/v1/appointments/{id}/cancel")
	@Operation(summary = "Cancel with a reason (kept)")
	Appointment cancel(@PathVariable UUID id, @RequestBody Reason reason) {
		return this.appointments.cancel(id, reason.reason());
	}

	@PostMapping("/api/v1/appointments/{id}/no-show")
	Appointment noShow(@PathVariable UUID id) {
		return this.appointments.noShow(id);
	}

	@PostMapping("/api/v1/appointments/{id}/complete")
	Appointment complete(@PathVariable UUID id) {
		return this.appointments.complete(id);
	}

	@PostMapping("/api/v1/appointments/{id}/arrived")
	@Operation(summary = "The patient has arrived (arrivedAt), on the appointment's day; 422 NOT_TODAY otherwise")
	Appointment arrived(@PathVariable UUID id) {
		return this.appointments.arrived(id);
	}

	@PostMapping("/api/v1/appointments/{id}/reschedule")
	@Operation(summary = "Move one appointment (also one occurrence of a series); the old one is kept as RESCHEDULED")
	Appointment reschedule(@PathVariable UUID id, @RequestBody Reschedule change) {
		if (change.start() == null) {
			throw InvalidInputException.of("start", "required");
		}
		return this.appointments.reschedule(id, change.start(), change.durationMinutes(), change.roomId(),
				change.staffIds(), change.reason());
	}

	@GetMapping("/api/v1/availability")
	@Operation(summary = "Free slots: a room or chair with the needed capabilities and one staff member per role",
			description = "needs: comma-separated capabilities (e.g. IV pump); roles: default NURSE for DOSING; "
					+ "staffIds: these people instead of any one per role.")
	List<Slot> availability(@RequestParam String type,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(defaultValue = "60") int durationMinutes, @RequestParam(required = false) List<String> needs,
			@RequestParam(required = false) List<String> roles, @RequestParam(required = false) List<UUID> staffIds,
			@RequestParam(defaultValue = "10") @Min(1) @Max(200) int limit) {
		AppointmentType appointmentType;
		List<Role> wanted;
		try {
			appointmentType = AppointmentType.valueOf(type);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInputException.of("type", "one of " + Arrays.toString(AppointmentType.values()));
		}
		try {
			wanted = (roles != null) ? roles.stream().map(Role::valueOf).toList() : List.of();
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInputException.of("roles", "staff roles, e.g. NURSE,PRESCRIBER");
		}
		for (String need : (needs != null) ? needs : List.<String>of()) {
			if (RoomCapability.parse(need).isEmpty()) {
				throw InvalidInputException.of("needs",
						"\"" + need + "\" is not equipment we know: one of " + RoomCapability.choices());
			}
		}
		return this.availability.find(appointmentType, from, to, durationMinutes, (needs != null) ? needs : List.of(),
				wanted, staffIds, limit);
	}

	record RoomRequest(String name, String kind, List<String> capabilities) {
	}

	record TimeOff(Instant from, Instant to, String reason) {
	}

	record Holiday(LocalDate day, String name) {
	}

	record Rems(String enrollmentId, LocalDate enrolledOn) {
	}

	record Reason(String reason) {
	}

	record Reschedule(Instant start, Integer durationMinutes, UUID roomId, List<UUID> staffIds, String reason) {
	}

}
