package org.kapclinic.scheduling;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.notification.Outbox;
import org.kapclinic.notification.OutgoingMail;
import org.kapclinic.patient.Patients;
import org.kapclinic.shared.ClinicTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appointment reminders by e-mail, each lead time ({@code kap.scheduling.reminder-leads},
 * default 48 h and 2 h) once per appointment: the reminder row is claimed and the mail is
 * queued in the outbox in one transaction, and the outbox's dedupe key makes a repeat a
 * no-op, so a restart never sends twice. Each carries an .ics file, and a dosing reminder
 * the day-of-dosing instructions.
 */
@Service
class Reminders {

	private final JdbcClient jdbc;

	private final Appointments appointments;

	private final Outbox outbox;

	private final Patients patients;

	private final ClinicResources resources;

	private final SchedulingSettings settings;

	private final AuditTrail audit;

	private final ClinicTime clinicTime;

	private final Clock clock;

	private final String dosingInstructions;

	Reminders(JdbcClient jdbc, Appointments appointments, Outbox outbox, Patients patients, ClinicResources resources,
			SchedulingSettings settings, AuditTrail audit, ClinicTime clinicTime, Clock clock,
			@Value("${kap.scheduling.dosing-instructions:" + DEFAULT_DOSING_INSTRUCTIONS
					+ "}") String dosingInstructions) {
		this.jdbc = jdbc;
		this.appointments = appointments;
		this.outbox = outbox;
		this.patients = patients;
		this.resources = resources;
		this.settings = settings;
		this.audit = audit;
		this.clinicTime = clinicTime;
		this.clock = clock;
		this.dosingInstructions = dosingInstructions;
	}

	/**
	 * Day-of-dosing instructions. Driving: Spravato PI 17 (clinical.md 2.1, no driving
	 * until the next day after restful sleep); the fasting window is clinic policy.
	 */
	static final String DEFAULT_DOSING_INSTRUCTIONS = "Do not eat for 2 hours before your session (your care team may "
			+ "give you a different fasting window). Arrange a ride home: you must not drive or operate machinery "
			+ "until the next day after a restful sleep.";

	/**
	 * Queues the reminders that are due now; returns how many were handled (patients
	 * without an e-mail address are handled without a mail).
	 */
	@Transactional
	public int queueDue() {
		int queued = 0;
		Instant now = Instant.now(this.clock);
		for (Duration lead : this.settings.reminderLeads()) {
			List<UUID> due = this.jdbc
				.sql("""
						select a.id from scheduling.appointment a
						where a.status = 'BOOKED' and a.start_at > ? and a.start_at <= ?
						  and not exists (select 1 from scheduling.reminder r where r.appointment_id = a.id and r.lead_minutes = ?)
						order by a.start_at limit 1000 for update of a skip locked""")
				.params(Timestamp.from(now), Timestamp.from(now.plus(lead)), (int) lead.toMinutes())
				.query(UUID.class)
				.list();
			for (UUID id : due) {
				int claimed = this.jdbc.sql("""
						insert into scheduling.reminder (appointment_id, lead_minutes, queued_at) values (?, ?, ?)
						on conflict do nothing""").params(id, (int) lead.toMinutes(), Timestamp.from(now)).update();
				if (claimed == 1) {
					send(id, lead);
					queued++;
				}
			}
		}
		return queued;
	}

	private boolean send(UUID appointmentId, Duration lead) {
		Appointment appointment = this.appointments.load(appointmentId).orElseThrow();
		Optional<String> email = this.patients.email(appointment.patientId());
		if (email.isEmpty()) {
			return false;
		}
		ZoneId zone = this.clinicTime.timeZone();
		String when = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm").format(appointment.start().atZone(zone));
		String where = (appointment.telehealthLink() != null) ? "Online: " + appointment.telehealthLink()
				: (appointment.roomId() != null) ? this.resources.room(appointment.roomId()).name() : "the clinic";
		boolean dosing = appointment.type() == AppointmentType.DOSING;
		String summary = "Your appointment at KAP Clinic";
		StringBuilder text = new StringBuilder().append("You have an appointment on ")
			.append(when)
			.append(" (")
			.append(appointment.durationMinutes())
			.append(" minutes), ")
			.append(where)
			.append(".\n\n");
		if (dosing) {
			text.append(this.dosingInstructions).append("\n\n");
		}
		text.append("To change it, please call the clinic. The attached calendar file adds it to your calendar.\n");
		String ics = CalendarFiles.calendar(
				List.of(new CalendarFiles.Event(appointment, summary, where, dosing ? this.dosingInstructions : null)));
		this.outbox.enqueue(new OutgoingMail("reminder:" + appointmentId + ":" + lead.toMinutes(), email.get(),
				"Reminder: " + when, text.toString(), null, List.of(new OutgoingMail.Attachment("appointment.ics",
						"text/calendar; charset=UTF-8", ics.getBytes(StandardCharsets.UTF_8)))));
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "Reminder", appointmentId)
			.patient(appointment.patientId())
			.category(DataCategory.DEMOGRAPHICS)
			.detail("lead " + lead));
		return true;
	}

}
