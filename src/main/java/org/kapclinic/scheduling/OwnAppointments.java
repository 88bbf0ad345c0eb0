package org.kapclinic.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient's own appointments, for the patient portal (issue 21). No staff check: the
 * caller has established that the signed-in patient is {@code patientId} and audits the
 * view.
 */
@Service
@Transactional(readOnly = true)
public class OwnAppointments {

	private final AppointmentRows rows;

	OwnAppointments(AppointmentRows rows) {
		this.rows = rows;
	}

	/** Booked appointments not over by {@code from}, soonest first. */
	public List<Appointment> upcoming(UUID patientId, Instant from) {
		return this.rows.forPatient(patientId)
			.stream()
			.filter((a) -> a.end().isAfter(from) && AppointmentStatus.BOOKED.name().equals(a.status()))
			.sorted(java.util.Comparator.comparing(Appointment::start))
			.toList();
	}

}
