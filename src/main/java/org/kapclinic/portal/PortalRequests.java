package org.kapclinic.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.Role;
import org.kapclinic.scheduling.Appointment;
import org.kapclinic.scheduling.AppointmentType;
import org.kapclinic.scheduling.OwnAppointments;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.RuleViolationException;
import org.kapclinic.tasks.CareTasks;
import org.kapclinic.tasks.NewTask;
import org.kapclinic.tasks.TaskPriority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a patient asks of the schedule (issue 21): to move or cancel a booked appointment,
 * or a new appointment of a type the clinic lets patients ask for. Nothing changes on the
 * schedule by itself: each request is a task for the front desk, who confirm it.
 */
@Service
@Transactional
class PortalRequests {

	/** What the patient asks about a booked appointment. */
	enum Change {

		RESCHEDULE("move"), CANCEL("cancel");

		private final String verb;

		Change(String verb) {
			this.verb = verb;
		}

	}

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm");

	private final OwnAppointments appointments;

	private final CareTasks tasks;

	private final PortalSettings settings;

	private final ClinicTime clinicTime;

	private final AuditTrail audit;

	private final Clock clock;

	PortalRequests(OwnAppointments appointments, CareTasks tasks, PortalSettings settings, ClinicTime clinicTime,
			AuditTrail audit, Clock clock) {
		this.appointments = appointments;
		this.tasks = tasks;
		this.settings = settings;
		this.clinicTime = clinicTime;
		this.audit = audit;
		this.clock = clock;
	}

	void change(UUID patientId, UUID appointmentId, Change change, String note) {
		Appointment appointment = this.appointments.own(patientId, appointmentId)
			.orElseThrow(() -> new NotFoundException("Appointment", appointmentId));
		if (!appointment.start().isAfter(Instant.now(this.clock))) {
			throw new RuleViolationException("This appointment has already begun: please call the clinic.",
					List.of("APPOINTMENT_BEGUN"));
		}
		String when = WHEN.format(appointment.start().atZone(this.clinicTime.timeZone()));
		open(patientId, appointmentId, "PORTAL_" + change.name(), "The patient asks to " + change.verb + " their "
				+ appointment.typeLabel().toLowerCase() + " on " + when, checked(note));
	}

	void ask(UUID patientId, String type, String note) {
		if (type == null || !this.settings.requestableTypes().contains(type)) {
			throw InvalidInputException.of("type", "one of the kinds of appointment offered here");
		}
		open(patientId, UUID.randomUUID(), "PORTAL_APPOINTMENT_REQUEST",
				"The patient asks for an appointment: " + AppointmentType.labelOf(type).toLowerCase(), checked(note));
	}

	private void open(UUID patientId, UUID source, String kind, String title, String note) {
		this.tasks.open(
				new NewTask(patientId, TaskPriority.ROUTINE, kind, title,
						note.isEmpty() ? null : "The patient wrote: " + note, "PortalRequest", source, false, null,
						Set.of(Role.FRONT_DESK), "/patients/" + patientId + "/schedule", "Open the schedule"),
				Set.of(Role.FRONT_DESK));
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "PortalRequest", source)
			.patient(patientId)
			.category(DataCategory.ADMINISTRATION)
			.detail(kind));
	}

	private static String checked(String note) {
		String text = (note == null) ? "" : note.strip();
		if (text.length() > 500) {
			throw InvalidInputException.of("note", "at most 500 characters");
		}
		return text;
	}

}
