package org.kapclinic.fhir;

import java.util.List;
import java.util.Map;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

import org.kapclinic.ApiClient;
import org.kapclinic.dosing.DosingSteps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Provenance: each score names its Observation and QuestionnaireResponse and the
 * clinician who entered it as author; each MedicationAdministration, each set of session
 * vital signs and each appointment names who recorded or booked it; all valid R4, under
 * the care-team rule.
 */
class FhirProvenanceIT extends FhirIntegrationTest {

	private Bundle search(IGenericClient client, String url) {
		return client.search().byUrl(url).returnBundle(Bundle.class).execute();
	}

	@Test
	void aScoreNamesItsObservationItsResponseAndItsAuthor() {
		String prescriber = tokenFor("dr.quill");
		String patientId = patientOnCovesTeam("Prue", "Venanceworth", "1988-02-20", "FEMALE");
		String path = "/api/v1/patients/" + patientId + "/measurements";
		String scoreId = this.api
			.post(path, Map.of("instrument", "PHQ-9", "answers", List.of(1, 1, 1, 1, 1, 1, 0, 0, 0, 0),
					"administeredAt", "2026-11-04T10:00:00Z"), prescriber)
			.json()
			.get("id")
			.asString();
		this.api.post(path, Map.of("instrument", "GAD-7", "answers", List.of(1, 1, 1, 1, 1, 1, 1), "administeredAt",
				"2026-11-05T10:00:00Z"), prescriber);

		IGenericClient cove = client("therapist.cove");
		Bundle byTarget = search(cove, "Provenance?target=Observation/" + scoreId);
		assertThat(byTarget.getEntry()).hasSize(1);
		Provenance provenance = (Provenance) byTarget.getEntryFirstRep().getResource();
		assertThat(provenance.getTarget()).extracting(Reference::getReference)
			.containsExactly("Observation/" + scoreId, "QuestionnaireResponse/" + scoreId);
		Provenance.ProvenanceAgentComponent author = provenance.getAgentFirstRep();
		assertThat(author.getType().getCodingFirstRep().getCode()).isEqualTo("author");
		assertThat(author.getWho().getReference()).isEqualTo("Practitioner/" + userId("dr.quill"));
		assertThat(provenance.getRecorded()).isNotNull();
		assertThat(FhirValidation.errors(provenance)).isEmpty();
		assertThat(search(cove, "Provenance?target=QuestionnaireResponse/" + scoreId).getEntry()).hasSize(1);
		assertThat(cove.read()
			.resource(Provenance.class)
			.withId(provenance.getIdPart())
			.execute()
			.getTargetFirstRep()
			.getReference()).isEqualTo("Observation/" + scoreId);

		Bundle byPatient = search(cove, "Provenance?patient=" + patientId);
		assertThat(byPatient.getEntry()).hasSize(2);
		assertThat(FhirValidation.errors(byPatient)).isEmpty();

		IGenericClient wren = client("therapist.wren");
		assertThatThrownBy(() -> search(wren, "Provenance?patient=" + patientId))
			.isInstanceOf(ResourceNotFoundException.class);
		assertThatThrownBy(() -> search(wren, "Provenance?target=Observation/" + scoreId))
			.isInstanceOf(ResourceNotFoundException.class);
		assertThatThrownBy(() -> wren.read().resource(Provenance.class).withId(provenance.getIdPart()).execute())
			.isInstanceOf(ResourceNotFoundException.class);
	}

	@Test
	void anAdministrationNamesWhoRecordedIt() {
		DosingSteps steps = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId);
		String session = steps.checkedIn("IV_INFUSION", "IV_KETAMINE", 70.0);
		steps.infusionStarted(session);
		Map<String, Object> given = this.jdbc
			.sql("select id::text as id, recorded_by::text as by from dosing.administration"
					+ " where session_id = ?::uuid and kind = 'START'")
			.param(session)
			.query()
			.singleRow();
		IGenericClient prescriber = client("dr.quill");
		Bundle found = search(prescriber, "Provenance?target=MedicationAdministration/" + given.get("id"));
		assertThat(found.getEntry()).hasSize(1);
		Provenance provenance = (Provenance) found.getEntryFirstRep().getResource();
		assertThat(provenance.getTargetFirstRep().getReference())
			.isEqualTo("MedicationAdministration/" + given.get("id"));
		assertThat(provenance.getAgentFirstRep().getWho().getReference()).isEqualTo("Practitioner/" + given.get("by"));
		assertThat(provenance.getAgentFirstRep().getWho().getDisplay()).isNotBlank();
		assertThat(FhirValidation.errors(provenance)).isEmpty();
		assertThatThrownBy(
				() -> search(client("therapist.wren"), "Provenance?target=MedicationAdministration/" + given.get("id")))
			.isInstanceOf(ResourceNotFoundException.class);
	}

	@Test
	void aSetOfVitalSignsNamesItsObservationsAndTheNurseWhoTookIt() {
		DosingSteps steps = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId);
		String session = steps.checkedIn("IV_INFUSION", "IV_KETAMINE", 70.0);
		String nurse = tokenFor("nurse.bell");
		String set = steps.vitals(session, 128, 82, 74, 97, null, null, nurse).json().get("id").asString();

		IGenericClient prescriber = client("dr.quill");
		// Any of the set's Observations finds the set's one Provenance; SpO2 was taken,
		// respiratory rate was not, so it is no target.
		for (String sign : List.of("bp", "hr", "spo2")) {
			Bundle found = search(prescriber, "Provenance?target=Observation/" + set + "-" + sign);
			assertThat(found.getEntry()).as(sign).hasSize(1);
		}
		assertThat(search(prescriber, "Provenance?target=Observation/" + set + "-rr").getEntry()).isEmpty();
		Provenance provenance = prescriber.read().resource(Provenance.class).withId("vitals-" + set).execute();
		assertThat(provenance.getTarget()).extracting(Reference::getReference)
			.containsExactly("Observation/" + set + "-bp", "Observation/" + set + "-hr",
					"Observation/" + set + "-spo2");
		assertThat(provenance.getAgentFirstRep().getWho().getReference())
			.isEqualTo("Practitioner/" + userId("nurse.bell"));
		assertThat(FhirValidation.errors(provenance)).isEmpty();
		// Each target resolves: the ids are the Observations the server serves.
		for (Reference target : provenance.getTarget()) {
			assertThat(prescriber.read()
				.resource(org.hl7.fhir.r4.model.Observation.class)
				.withId(target.getReferenceElement().getIdPart())
				.execute()
				.getCategoryFirstRep()
				.getCodingFirstRep()
				.getCode()).isEqualTo("vital-signs");
		}
	}

	@Test
	void anAppointmentNamesWhoBookedIt() {
		String patientId = patientOnCovesTeam("Bodo", "Bookingsby", "1979-05-06", "MALE");
		String roomId = this.api
			.post("/api/v1/rooms",
					Map.of("name", "room-" + java.util.UUID.randomUUID(), "kind", "ROOM", "capabilities", List.of()),
					tokenFor("admin"))
			.json()
			.get("id")
			.asString();
		ApiClient.Response response = this.api.post(
				"/api/v1/appointments", Map.of("patientId", patientId, "type", "FOLLOW_UP", "start",
						"2032-02-03T16:00:00Z", "durationMinutes", 30, "roomId", roomId, "staffIds", List.of()),
				tokenFor("desk.dale"));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		String booked = response.json().get("id").asString();

		IGenericClient cove = client("therapist.cove");
		Bundle found = search(cove, "Provenance?target=Appointment/" + booked);
		assertThat(found.getEntry()).hasSize(1);
		Provenance provenance = (Provenance) found.getEntryFirstRep().getResource();
		assertThat(provenance.getIdPart()).isEqualTo("appointment-" + booked);
		assertThat(provenance.getTargetFirstRep().getReference()).isEqualTo("Appointment/" + booked);
		// The front desk is no Practitioner: named, not referenced.
		assertThat(provenance.getAgentFirstRep().getWho().hasReference()).isFalse();
		assertThat(provenance.getAgentFirstRep().getWho().getDisplay()).isNotBlank();
		assertThat(provenance.getRecorded()).isNotNull();
		assertThat(FhirValidation.errors(provenance)).isEmpty();
		assertThat(search(cove, "Provenance?patient=" + patientId).getEntry())
			.extracting((e) -> e.getResource().getIdElement().getIdPart())
			.containsExactly("appointment-" + booked);
		assertThatThrownBy(() -> search(client("therapist.wren"), "Provenance?target=Appointment/" + booked))
			.isInstanceOf(ResourceNotFoundException.class);
	}

}
