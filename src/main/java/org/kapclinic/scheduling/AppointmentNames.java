package org.kapclinic.scheduling;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kapclinic.identity.UserDirectory;
import org.kapclinic.patient.Patients;
import org.springframework.stereotype.Component;

/**
 * The names a list of appointments shows (patients, rooms, staff), each looked up once
 * for the whole list rather than per appointment.
 */
@Component
class AppointmentNames {

	private final Patients patients;

	private final ClinicResources resources;

	private final UserDirectory directory;

	AppointmentNames(Patients patients, ClinicResources resources, UserDirectory directory) {
		this.patients = patients;
		this.resources = resources;
		this.directory = directory;
	}

	Map<UUID, String> patients(List<Appointment> appointments) {
		Map<UUID, String> names = new HashMap<>();
		this.patients.names(appointments.stream().map(Appointment::patientId).toList())
			.forEach((id, name) -> names.put(id, name.displayName()));
		return names;
	}

	Map<UUID, String> rooms() {
		Map<UUID, String> rooms = new HashMap<>();
		this.resources.rooms().forEach((room) -> rooms.put(room.id(), room.name()));
		return rooms;
	}

	Map<UUID, String> staff(List<Appointment> appointments) {
		Map<UUID, String> names = new HashMap<>();
		this.directory.findAll(appointments.stream().flatMap((a) -> a.staffIds().stream()).distinct().toList())
			.forEach((id, member) -> names.put(id, member.displayName()));
		return names;
	}

}
