package org.kapclinic.fhir;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Appointment.ParticipantRequired;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.hl7.fhir.r4.model.Reference;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.identity.UserDirectory;
import org.kapclinic.scheduling.Appointment;
import org.springframework.stereotype.Component;

/**
 * Our appointments as FHIR R4 Appointments (US Core defines no Appointment profile): the
 * patient and the staff booked (named by display only: this server serves no
 * Practitioner), start and end, and the type as text. Staff-typed text (cancellation
 * reasons) and telehealth links are left out: free text may hold clinical content.
 */
@Component
class AppointmentResources {

	private final UserDirectory directory;

	AppointmentResources(UserDirectory directory) {
		this.directory = directory;
	}

	List<org.hl7.fhir.r4.model.Appointment> toFhir(List<Appointment> appointments) {
		Map<UUID, StaffMember> staff = this.directory
			.findAll(appointments.stream().flatMap((a) -> a.staffIds().stream()).distinct().toList());
		return appointments.stream().map((a) -> toFhir(a, staff)).toList();
	}

	private static org.hl7.fhir.r4.model.Appointment toFhir(Appointment a, Map<UUID, StaffMember> staff) {
		org.hl7.fhir.r4.model.Appointment appointment = new org.hl7.fhir.r4.model.Appointment();
		appointment.setId(a.id().toString());
		appointment.getMeta().setVersionId(Integer.toString(a.version()));
		appointment.setStatus(status(a));
		if (a.status() == org.kapclinic.scheduling.AppointmentStatus.RESCHEDULED) {
			appointment.getCancelationReason().setText("Rescheduled");
		}
		appointment.getAppointmentType().setText(a.typeLabel());
		appointment.setStart(Date.from(a.start()));
		appointment.setEnd(Date.from(a.end()));
		appointment.setMinutesDuration((int) a.durationMinutes());
		appointment.addParticipant()
			.setActor(new Reference("Patient/" + a.patientId()))
			.setRequired(ParticipantRequired.REQUIRED)
			.setStatus(ParticipationStatus.ACCEPTED);
		for (UUID staffId : a.staffIds()) {
			StaffMember member = staff.get(staffId);
			if (member != null) {
				appointment.addParticipant()
					.setActor(new Reference().setDisplay(member.displayName()))
					.setRequired(ParticipantRequired.REQUIRED)
					.setStatus(ParticipationStatus.ACCEPTED);
			}
		}
		return appointment;
	}

	/**
	 * FHIR R4 AppointmentStatus: booked (arrived once the patient is checked in),
	 * fulfilled, noshow; cancelled and rescheduled (moved to a new appointment) are
	 * cancelled.
	 */
	private static AppointmentStatus status(Appointment a) {
		return switch (a.status()) {
			case BOOKED -> (a.arrivedAt() != null) ? AppointmentStatus.ARRIVED : AppointmentStatus.BOOKED;
			case COMPLETED -> AppointmentStatus.FULFILLED;
			case NO_SHOW -> AppointmentStatus.NOSHOW;
			case CANCELLED, RESCHEDULED -> AppointmentStatus.CANCELLED;
		};
	}

}
