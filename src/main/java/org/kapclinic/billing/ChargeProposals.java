package org.kapclinic.billing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.kapclinic.dosing.Route;
import org.kapclinic.dosing.SessionDischarged;
import org.kapclinic.intake.RecordedDiagnoses;
import org.kapclinic.scheduling.Appointment;
import org.kapclinic.scheduling.AppointmentClosed;
import org.kapclinic.scheduling.AppointmentStatus;
import org.kapclinic.scheduling.AppointmentType;
import org.kapclinic.scheduling.Appointments;
import org.kapclinic.shared.ClinicTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Charges derived from the record (issue 20): a discharged dosing session proposes the
 * lines of the fee schedule in force that bill its route (with its dose and infusion
 * time), a completed appointment those that bill its type. Listened to after the clinical
 * transaction commits, in its own: a billing problem never holds up a discharge, and an
 * event not yet handled is handled again after a restart. Proposing twice is harmless
 * (one line per source and code).
 */
@Component
class ChargeProposals {

	private static final Logger log = LoggerFactory.getLogger(ChargeProposals.class);

	private final JdbcClient jdbc;

	private final FeeSchedules schedules;

	private final RecordedDiagnoses diagnoses;

	private final Appointments appointments;

	private final ClinicTime clinicTime;

	private final Clock clock;

	ChargeProposals(JdbcClient jdbc, FeeSchedules schedules, RecordedDiagnoses diagnoses, Appointments appointments,
			ClinicTime clinicTime, Clock clock) {
		this.jdbc = jdbc;
		this.schedules = schedules;
		this.diagnoses = diagnoses;
		this.appointments = appointments;
		this.clinicTime = clinicTime;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void sessionDischarged(SessionDischarged event) {
		Instant at = (event.firstDoseAt() != null) ? event.firstDoseAt() : event.dischargedAt();
		long monitored = java.time.Duration.between(at, event.dischargedAt()).toMinutes();
		String basis = basis(event.route(), event.totalDoseMg(), event.infusionMinutes()) + ", monitored " + monitored
				+ " min";
		propose(new Service(event.patientId(), "DOSING_SESSION", event.sessionId(), "DOSING:" + event.route().name(),
				this.clinicTime.date(at), event.totalDoseMg(), event.infusionMinutes(), monitored, event.prescriberId(),
				basis, event.courseId()));
	}

	@ApplicationModuleListener
	void appointmentClosed(AppointmentClosed event) {
		if (event.status() != AppointmentStatus.COMPLETED || event.type() == AppointmentType.DOSING) {
			return;
		}
		Appointment appointment = this.appointments.find(event.appointmentId());
		UUID clinician = appointment.staffIds().isEmpty() ? null : appointment.staffIds().get(0);
		propose(new Service(event.patientId(), "APPOINTMENT", event.appointmentId(),
				"APPOINTMENT:" + event.type().name(), this.clinicTime.date(appointment.start()), null, 0,
				appointment.durationMinutes(), clinician,
				event.type().label() + ", " + appointment.durationMinutes() + " min", null));
	}

	/** What was billed, with the facts the units came from. */
	record Service(UUID patientId, String sourceKind, UUID sourceId, String service, LocalDate day, BigDecimal doseMg,
			long infusionMinutes, long monitoredMinutes, UUID clinician, String basis, UUID courseId) {
	}

	/** The number of lines proposed (0 without a fee schedule in force, logged). */
	int propose(Service service) {
		var schedule = this.schedules.inForce(service.day());
		if (schedule.isEmpty()) {
			log.warn("No fee schedule in force on {}: no charges proposed for {} {}", service.day(),
					service.sourceKind(), service.sourceId());
			return 0;
		}
		String[] pointers = this.diagnoses.all(service.patientId()).stream().limit(12).toArray(String[]::new);
		int proposed = 0;
		for (FeeSchedule.Proposal p : schedule.get()
			.propose(service.service(), service.doseMg(), service.infusionMinutes(), service.monitoredMinutes())) {
			proposed += this.jdbc.sql("""
					insert into billing.charge (id, patient_id, source_kind, source_id, service_date, code_system, code,
					    modifiers, description, units, unit_price_minor, amount_minor, currency, diagnoses,
					    rendering_clinician, fee_schedule_version, basis, status, proposed_at, course_id)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PROPOSED', ?, ?)
					on conflict (source_kind, source_id, code) do nothing""")
				.params(UUID.randomUUID(), service.patientId(), service.sourceKind(), service.sourceId(), service.day(),
						p.line().codeSystem(), p.line().code(), p.line().modifiers().toArray(String[]::new),
						p.line().description(), p.units(), p.line().priceMinor(), p.amountMinor(),
						schedule.get().currency(), pointers, service.clinician(), schedule.get().version(),
						service.basis(), Timestamp.from(Instant.now(this.clock)), service.courseId())
				.update();
		}
		return proposed;
	}

	static String basis(Route route, BigDecimal doseMg, long infusionMinutes) {
		String dose = (doseMg == null) ? "" : doseMg.stripTrailingZeros().toPlainString() + " mg";
		return route.label() + ((route == Route.IV) ? ", " + infusionMinutes + " min" : "")
				+ (dose.isEmpty() ? "" : ", " + dose);
	}

}
