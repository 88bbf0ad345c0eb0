package org.kapclinic.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.scheduling.AppointmentChecks.Checked;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books, reschedules, cancels and marks appointments. The rules are checked first
 * ({@link BookingGate}, 422 naming what is missing); that the room, the patient and each
 * staff member (up to their concurrent capacity) are free is left to the database's
 * exclusion constraints, so it holds under any concurrency and across app instances: the
 * losing transaction gets a 409 naming the resource.
 */
@Service
@Transactional
public class Appointments {

	static final String RESOURCE = "Appointment";

	private final AppointmentRows rows;

	private final AppointmentChecks checks;

	private final CareTeamAccess access;

	private final CurrentUser currentUser;

	private final ClinicResources resources;

	private final BookingGate gate;

	private final AuditTrail audit;

	private final Clock clock;

	private final ClinicTime clinicTime;

	private final ApplicationEventPublisher events;

	Appointments(AppointmentRows rows, AppointmentChecks checks, CareTeamAccess access, CurrentUser currentUser,
			ClinicResources resources, BookingGate gate, AuditTrail audit, Clock clock, ClinicTime clinicTime,
			ApplicationEventPublisher events) {
		this.events = events;
		this.rows = rows;
		this.checks = checks;
		this.access = access;
		this.currentUser = currentUser;
		this.resources = resources;
		this.gate = gate;
		this.audit = audit;
		this.clock = clock;
		this.clinicTime = clinicTime;
	}

	/** Books one appointment, or a whole recurring series (all or nothing). */
	public List<Appointment> book(AppointmentRequest request) {
		StaffMember user = this.currentUser.require();
		Checked checked = this.checks.validate(request);
		if (!this.access.canSee(user, request.patientId())) {
			throw new NotFoundException("Patient", request.patientId());
		}
		UUID seriesId = (checked.occurrences() > 1) ? UUID.randomUUID() : null;
		List<Appointment> booked = new ArrayList<>();
		for (int i = 0; i < checked.occurrences(); i++) {
			Instant start = request.start().plus(Duration.ofDays(7L * checked.everyWeeks() * i));
			booked.add(insert(request, checked, start, seriesId, null, user, List.of()));
		}
		return booked;
	}

	/**
	 * Moves an appointment (alone, also when it belongs to a series): a new appointment
	 * that points back at the old one, which keeps its history as RESCHEDULED.
	 */
	public Appointment reschedule(UUID id, Instant start, Integer durationMinutes, UUID roomId, List<UUID> staffIds,
			String reason) {
		StaffMember user = this.currentUser.require();
		Appointment old = forUpdate(id);
		if (!old.booked()) {
			throw new RuleViolationException("Only a booked appointment can be moved.", List.of("NOT_BOOKED"));
		}
		if (old.groupId() != null) {
			throw new RuleViolationException("A group member is moved by cancelling and joining another circle.",
					List.of("GROUP_MEMBER"));
		}
		AppointmentRequest request = new AppointmentRequest(old.patientId(), old.type().name(), start,
				(durationMinutes != null) ? durationMinutes : (int) old.durationMinutes(),
				(roomId != null) ? roomId : old.roomId(), (staffIds != null) ? staffIds : old.staffIds(),
				old.courseId(), old.program(), old.telehealthLink(), null, null, null);
		Checked checked = this.checks.validate(request);
		this.rows.release(id, AppointmentStatus.RESCHEDULED, reason);
		Appointment moved = insert(request, checked, start, old.seriesId(), id, user, List.of(id));
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, RESOURCE, id)
			.patient(old.patientId())
			.category(DataCategory.DEMOGRAPHICS)
			.detail("rescheduled to " + moved.id() + ((reason != null) ? ": " + reason : "")));
		return moved;
	}

	public Appointment cancel(UUID id, String reason) {
		if (reason == null || reason.isBlank() || reason.length() > 1000) {
			throw InvalidInputException.of("reason", "say why (1–1000 characters)");
		}
		return close(id, AppointmentStatus.CANCELLED, reason.trim());
	}

	public Appointment noShow(UUID id) {
		return close(id, AppointmentStatus.NO_SHOW, null);
	}

	public Appointment complete(UUID id) {
		return close(id, AppointmentStatus.COMPLETED, null);
	}

	/**
	 * The patient is here: recorded once, on the appointment's day (clinic time), for a
	 * booked appointment.
	 */
	public Appointment arrived(UUID id) {
		this.currentUser.require();
		Appointment appointment = forUpdate(id);
		if (!appointment.booked()) {
			throw new RuleViolationException(
					"This appointment is " + appointment.statusLabel().toLowerCase(java.util.Locale.ROOT) + ".",
					List.of("NOT_BOOKED"));
		}
		java.time.ZoneId zone = this.clinicTime.timeZone();
		if (!appointment.start()
			.atZone(zone)
			.toLocalDate()
			.equals(java.time.LocalDate.now(this.clock.withZone(zone)))) {
			throw new RuleViolationException("A patient is marked arrived on the day of the appointment.",
					List.of("NOT_TODAY"));
		}
		if (appointment.arrivedAt() == null) {
			this.rows.markArrived(id);
			this.audit.record(AuditEvent.of(AuditAction.UPDATE, RESOURCE, id)
				.patient(appointment.patientId())
				.category(DataCategory.DEMOGRAPHICS)
				.detail("ARRIVED"));
		}
		return load(id).orElseThrow();
	}

	/** One appointment (the patient-visibility rule applies). */
	@Transactional(readOnly = true)
	public Appointment find(UUID id) {
		Appointment appointment = load(id).orElseThrow(() -> new NotFoundException(RESOURCE, id));
		if (!this.access.canSee(this.currentUser.require(), appointment.patientId())) {
			throw new NotFoundException(RESOURCE, id);
		}
		return appointment;
	}

	/** {@link #find}, and one audit row naming the patient. */
	public Appointment read(UUID id) {
		Appointment appointment = find(id);
		this.audit.record(AuditEvent.of(AuditAction.READ, RESOURCE, id)
			.patient(appointment.patientId())
			.category(DataCategory.DEMOGRAPHICS));
		return appointment;
	}

	/** Appointments (booked unless {@code all}) overlapping [from, to), for calendars. */
	@Transactional(readOnly = true)
	public List<Appointment> between(Instant from, Instant to, UUID roomId, UUID staffId, boolean all) {
		StaffMember user = this.currentUser.require();
		CareTeamAccess.ClinicalScope scope = this.access.visibleScope(user);
		List<Appointment> found = this.rows.overlapping(from, to, roomId, staffId, all)
			.stream()
			.filter((a) -> scope.includes(a.patientId()) || a.staffIds().contains(user.id()))
			.toList();
		this.audit.record(AuditEvent.of(AuditAction.QUERY, RESOURCE, null)
			.category(DataCategory.DEMOGRAPHICS)
			.patients(found.stream().map(Appointment::patientId).toList())
			.detail("calendar " + from + ".." + to + " results=" + found.size()));
		return found;
	}

	/**
	 * The staff booked on each appointment (for the floor board: who is responsible for a
	 * chair); one query, no access check: the caller shows names of colleagues only.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, List<UUID>> staffOf(java.util.Collection<UUID> appointmentIds) {
		return this.rows.staffOf(appointmentIds);
	}

	/** The patient's appointments, newest first. */
	@Transactional(readOnly = true)
	public List<Appointment> forPatient(UUID patientId) {
		if (!this.access.canSee(this.currentUser.require(), patientId)) {
			throw new NotFoundException("Patient", patientId);
		}
		List<Appointment> found = this.rows.forPatient(patientId);
		this.audit.record(
				AuditEvent.of(AuditAction.READ, RESOURCE, null).patient(patientId).category(DataCategory.DEMOGRAPHICS));
		return found;
	}

	private Appointment insert(AppointmentRequest request, Checked checked, Instant start, UUID seriesId,
			UUID rescheduledFrom, StaffMember user, List<UUID> ignore) {
		Duration duration = Duration.ofMinutes(request.durationMinutes());
		Room room = checked.room();
		List<UUID> staffIds = checked.staffIds();
		UUID groupId = null;
		if (checked.type() == AppointmentType.GROUP_INTEGRATION) {
			AppointmentRows.Group group = (request.groupId() != null) ? this.rows.join(request.groupId()) : null;
			if (group != null) {
				// A member takes the circle's time and room; room and facilitator are
				// held once.
				start = group.start();
				duration = Duration.between(group.start(), group.end());
				room = (group.roomId() != null) ? this.resources.room(group.roomId()) : null;
				staffIds = List.of();
				groupId = group.id();
			}
			else {
				groupId = this.rows.newGroup(start, duration, room, request.capacity());
			}
		}
		List<String> reasons = this.gate
			.check(new BookingGate.Booking(request.patientId(), checked.type(), checked.program(), start, duration,
					room, staffIds, checked.course(), checked.template(), request.telehealthLink() != null, ignore));
		if (!reasons.isEmpty()) {
			throw new RuleViolationException(
					"This appointment cannot be booked"
							+ ((seriesId != null)
									? " (occurrence " + start.atZone(java.time.ZoneOffset.UTC).toLocalDate() + ")" : "")
							+ ".",
					reasons);
		}
		UUID id = this.rows
			.insert(new AppointmentRows.NewAppointment(request.patientId(), checked.type(), checked.program(), start,
					duration, room, staffIds, request.courseId(), seriesId, request.telehealthLink(), rescheduledFrom,
					user.id(), groupId, groupId != null && request.groupId() != null));
		this.audit.record(AuditEvent.of(AuditAction.CREATE, RESOURCE, id)
			.patient(request.patientId())
			.category(DataCategory.DEMOGRAPHICS)
			.detail(checked.type() + " " + start + " " + duration.toMinutes() + " min"));
		return load(id).orElseThrow();
	}

	private Appointment close(UUID id, AppointmentStatus status, String reason) {
		this.currentUser.require();
		Appointment appointment = forUpdate(id);
		if (!appointment.booked()) {
			throw new RuleViolationException(
					"This appointment is already " + appointment.statusLabel().toLowerCase(java.util.Locale.ROOT) + ".",
					List.of("NOT_BOOKED"));
		}
		if (!status.withdrawn() && appointment.start().isAfter(Instant.now(this.clock))) {
			throw new RuleViolationException("An appointment that has not started cannot be marked "
					+ status.label().toLowerCase(java.util.Locale.ROOT) + ".", List.of("NOT_STARTED"));
		}
		this.rows.release(id, status, reason);
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, RESOURCE, id)
			.patient(appointment.patientId())
			.category(DataCategory.DEMOGRAPHICS)
			.detail(status.name() + ((reason != null) ? ": " + reason : "")));
		this.events.publishEvent(
				new AppointmentClosed(appointment.patientId(), id, appointment.courseId(), appointment.type(), status));
		return load(id).orElseThrow();
	}

	private Appointment forUpdate(UUID id) {
		UUID patientId = this.rows.lockPatient(id).orElseThrow(() -> new NotFoundException(RESOURCE, id));
		if (!this.access.canSee(this.currentUser.require(), patientId)) {
			throw new NotFoundException(RESOURCE, id);
		}
		return load(id).orElseThrow();
	}

	Optional<Appointment> load(UUID id) {
		return this.rows.load(id);
	}

}
