package org.kapclinic.fhir;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.kapclinic.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code Appointment/{id}} and {@code Appointment?patient=&date=} from the scheduling
 * module: status, participants, times and type mapped and valid; no free text; the
 * care-team rule (a therapist not on the patient's team finds nothing).
 */
class FhirAppointmentIT extends FhirIntegrationTest {

	private String patientId;

	private String followUp;

	private String cancelled;

	private LocalDate day;

	@BeforeEach
	void twoAppointmentsOnTherapistCovesTeam() {
		String prescriber = tokenFor("dr.quill");
		this.patientId = patientOnCovesTeam("Ama", "Appointly", "1982-08-08", null);
		Response room = this.api.post("/api/v1/rooms",
				Map.of("name", "room-" + UUID.randomUUID(), "kind", "ROOM", "capabilities", List.of()),
				tokenFor("admin"));
		String roomId = room.json().get("id").asString();
		// A Tuesday of its own, so each test's booking leaves therapist Cove free.
		this.day = LocalDate.of(2031, 3, 4).plusWeeks(ThreadLocalRandom.current().nextInt(500));
		this.followUp = book("FOLLOW_UP", this.day + "T15:00:00Z", roomId, List.of(userId("therapist.cove").toString()),
				prescriber);
		this.cancelled = book("INTEGRATION", this.day.plusWeeks(5) + "T15:00:00Z", roomId, List.of(), prescriber);
		Response cancel = this.api.post("/api/v1/appointments/" + this.cancelled + "/cancel",
				Map.of("reason", "synthetic private reason text"), prescriber);
		assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
	}

	@Test
	void readAndSearchMapTheAppointmentsAndValidate() {
		Appointment read = client("dr.quill").read().resource(Appointment.class).withId(this.followUp).execute();
		assertThat(FhirValidation.errors(read)).isEmpty();
		assertThat(read.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
		assertThat(read.getAppointmentType().getText()).isEqualTo("Follow-up");
		assertThat(read.getStart().toInstant()).hasToString(this.day + "T15:00:00Z");
		assertThat(read.getParticipant()).hasSize(2);
		assertThat(read.getParticipantFirstRep().getActor().getReference()).isEqualTo("Patient/" + this.patientId);
		assertThat(read.getParticipant().get(1).getActor().getDisplay()).isNotBlank();

		Bundle all = client("dr.quill").search()
			.forResource(Appointment.class)
			.where(Appointment.PATIENT.hasId(this.patientId))
			.returnBundle(Bundle.class)
			.execute();
		assertThat(all.getEntry()).extracting((e) -> e.getResource().getIdElement().getIdPart())
			.containsExactly(this.cancelled, this.followUp);
		Appointment cancelledOne = (Appointment) all.getEntryFirstRep().getResource();
		assertThat(cancelledOne.getStatus()).isEqualTo(Appointment.AppointmentStatus.CANCELLED);
		assertThat(FhirValidation.errors(cancelledOne)).isEmpty();
		assertThat(this.context.newJsonParser().encodeResourceToString(all)).doesNotContain("synthetic private");

		Bundle march = client("dr.quill").search()
			.forResource(Appointment.class)
			.where(Appointment.PATIENT.hasId(this.patientId))
			.and(Appointment.DATE.afterOrEquals().day(this.day.toString()))
			.and(Appointment.DATE.before().day(this.day.plusWeeks(4).toString()))
			.returnBundle(Bundle.class)
			.execute();
		assertThat(march.getEntry()).extracting((e) -> e.getResource().getIdElement().getIdPart())
			.containsExactly(this.followUp);
	}

	@Test
	void aTherapistOffTheCareTeamSeesNoAppointments() {
		assertThat(client("therapist.cove").read().resource(Appointment.class).withId(this.followUp).execute())
			.isNotNull();
		assertThatThrownBy(
				() -> client("therapist.wren").read().resource(Appointment.class).withId(this.followUp).execute())
			.isInstanceOf(ResourceNotFoundException.class);
		assertThatThrownBy(() -> client("therapist.wren").search()
			.forResource(Appointment.class)
			.where(Appointment.PATIENT.hasId(this.patientId))
			.returnBundle(Bundle.class)
			.execute()).isInstanceOf(ResourceNotFoundException.class);
	}

	@Test
	void everythingAndABackendClientWithTheAppointmentScopeSeeThem() throws Exception {
		Bundle everything = client("therapist.cove").search()
			.byUrl("http://localhost:" + this.port + "/fhir/Patient/" + this.patientId + "/$everything")
			.returnBundle(Bundle.class)
			.execute();
		assertThat(everything.getEntry()).extracting((e) -> e.getResource().fhirType())
			.containsExactly("Patient", "CareTeam", "Appointment", "Appointment");
		assertThat(FhirValidation.errors(everything)).isEmpty();

		String patientsOnly = SmartClientFixture.accessToken(this.api, this.port, tokenFor("admin"),
				List.of("system/Patient.rs"));
		assertThat(this.api.get("/fhir/Appointment/" + this.followUp, patientsOnly).status()).isEqualTo(403);
		String appointments = SmartClientFixture.accessToken(this.api, this.port, tokenFor("admin"),
				List.of("system/Appointment.rs"));
		Response read = this.api.get("/fhir/Appointment?patient=" + this.patientId, appointments);
		assertThat(read.status()).as(read.body()).isEqualTo(200);
		assertThat(read.body()).contains(this.followUp, this.cancelled);
	}

	private String book(String type, String start, String roomId, List<String> staff, String token) {
		Map<String, Object> request = new HashMap<>();
		request.put("patientId", this.patientId);
		request.put("type", type);
		request.put("start", start);
		request.put("durationMinutes", 50);
		request.put("roomId", roomId);
		request.put("staffIds", staff);
		Response booked = this.api.post("/api/v1/appointments", request, token);
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		return booked.json().get("id").asString();
	}

}
