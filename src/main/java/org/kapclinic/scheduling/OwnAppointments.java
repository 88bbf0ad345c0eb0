package org.kapclinic.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient's own appointments, for the patient portal (issue 21): only for the patient
 * signed in as {@code patientId} ({@code @selfAccess}); the caller audits the view.
 */
@Service
@Transactional(readOnly = true)
public class OwnAppointments {

	private final AppointmentRows rows;

	OwnAppointments(AppointmentRows rows) {
		this.rows = rows;
	}

	/** Appointments that began before {@code from}, newest first (at most 50). */
	@org.springframework.security.access.prepost.PreAuthorize("@selfAccess.is(#patientId)")
	public List<Appointment> past(UUID patientId, Instant from) {
		return this.rows.forPatient(patientId).stream().filter((a) -> a.start().isBefore(from)).limit(50).toList();
	}

	/**
	 * One of the patient's own booked appointments, or empty (another patient's, or not
	 * booked, alike).
	 */
	@org.springframework.security.access.prepost.PreAuthorize("@selfAccess.is(#patientId)")
	public java.util.Optional<Appointment> own(UUID patientId, UUID appointmentId) {
		return this.rows.forPatient(patientId)
			.stream()
			.filter((a) -> a.id().equals(appointmentId) && a.booked())
			.findFirst();
	}

	/**
	 * The appointment as a calendar file for the patient's own calendar: what and when,
	 * nothing clinical (a calendar may be shared).
	 */
	@org.springframework.security.access.prepost.PreAuthorize("@selfAccess.is(#patientId)")
	public java.util.Optional<String> calendarFile(UUID patientId, UUID appointmentId) {
		return own(patientId, appointmentId)
			.map((a) -> CalendarFiles.calendar(List.of(new CalendarFiles.Event(a, "Clinic appointment", null, null))));
	}

	/** Booked appointments not over by {@code from}, soonest first. */
	@org.springframework.security.access.prepost.PreAuthorize("@selfAccess.is(#patientId)")
	public List<Appointment> upcoming(UUID patientId, Instant from) {
		return this.rows.forPatient(patientId)
			.stream()
			.filter((a) -> a.end().isAfter(from) && a.booked())
			.sorted(java.util.Comparator.comparing(Appointment::start))
			.toList();
	}

}
