package org.kapclinic.fhir;

import java.util.List;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;

import org.kapclinic.dosing.DosingSteps;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vital signs taken in a dosing session, read as US Core vital-signs Observations
 * (clinical.md §5.2 LOINC codes), validated against the FHIR R4 vital-signs profiles.
 */
class FhirVitalsIT extends FhirIntegrationTest {

	@Test
	void aSessionsVitalSignsAreOneObservationPerSign() {
		DosingSteps steps = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId);
		String session = steps.checkedIn("IV_INFUSION", "IV_KETAMINE", 72.4);
		assertThat(steps.vitals(session, 124, 80, 72, 98, 14, null, tokenFor("nurse.bell")).status()).isEqualTo(201);
		String patientId = patientOf(session);

		IGenericClient fhir = client("dr.quill");

		Bundle vitals = fhir.search()
			.byUrl("Observation?patient=" + patientId + "&category=vital-signs")
			.returnBundle(Bundle.class)
			.execute();
		List<Observation> observations = vitals.getEntry().stream().map((e) -> (Observation) e.getResource()).toList();
		assertThat(observations).extracting((o) -> o.getCode().getCodingFirstRep().getCode())
			.as("the session's signs, and the weight taken before it (body weight 29463-7)")
			.containsExactlyInAnyOrder("85354-9", "8867-4", "9279-1", "59408-5", "29463-7");
		assertThat(FhirValidation.errors(vitals)).isEmpty();

		Bundle bp = fhir.search()
			.byUrl("Observation?patient=" + patientId + "&code=http://loinc.org|85354-9")
			.returnBundle(Bundle.class)
			.execute();
		assertThat(bp.getEntry()).hasSize(1);
		Observation panel = (Observation) bp.getEntryFirstRep().getResource();
		assertThat(panel.getComponent())
			.extracting((c) -> c.getCode().getCodingFirstRep().getCode() + "="
					+ c.getValueQuantity().getValue().intValue() + " " + c.getValueQuantity().getCode())
			.containsExactly("8480-6=124 mm[Hg]", "8462-4=80 mm[Hg]");

		Observation read = fhir.read().resource(Observation.class).withId(panel.getIdPart()).execute();
		assertThat(read.getIdPart()).endsWith("-bp");
		assertThat(FhirValidation.errors(read)).isEmpty();
		Bundle encounters = fhir.search()
			.byUrl("Encounter?patient=" + patientId + "&date=ge2020-01-01")
			.returnBundle(Bundle.class)
			.execute();
		assertThat(encounters.getEntry()).hasSize(1);
		org.hl7.fhir.r4.model.Encounter encounter = (org.hl7.fhir.r4.model.Encounter) encounters.getEntryFirstRep()
			.getResource();
		assertThat(encounter.getIdPart()).isEqualTo(session);
		assertThat(encounter.getStatus().toCode()).as("checked in, not yet discharged").isEqualTo("in-progress");
		assertThat(FhirValidation.errors(encounters)).isEmpty();
		assertThat(fhir.read().resource(org.hl7.fhir.r4.model.Encounter.class).withId(session).execute().getIdPart())
			.isEqualTo(session);
		assertThat(fhir.search()
			.byUrl("Encounter?patient=" + patientId + "&date=lt2020-01-01")
			.returnBundle(Bundle.class)
			.execute()
			.getEntry()).isEmpty();
		assertThat(fhir.search()
			.byUrl("Observation?patient=" + patientId + "&category=survey")
			.returnBundle(Bundle.class)
			.execute()
			.getEntry()).as("no scores yet").isEmpty();
	}

	@Test
	void anInfusionIsAMedicationAdministrationInItsEncounter() {
		DosingSteps steps = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId);
		String session = steps.checkedIn("IV_INFUSION", "IV_KETAMINE", 70.0);
		steps.infusionStarted(session);
		String patientId = patientOf(session);
		IGenericClient fhir = client("dr.quill");

		Bundle given = fhir.search()
			.byUrl("MedicationAdministration?patient=" + patientId + "&effective-time=ge2020-01-01")
			.returnBundle(Bundle.class)
			.execute();
		assertThat(given.getEntry()).hasSize(1);
		org.hl7.fhir.r4.model.MedicationAdministration started = (org.hl7.fhir.r4.model.MedicationAdministration) given
			.getEntryFirstRep()
			.getResource();
		String lot = this.jdbc.sql("""
				select l.lot_number from ledger.lot l join dosing.administration a on a.lot_id = l.id
				where a.session_id = ?::uuid""").param(session).query(String.class).single();
		assertThat(started.getMedicationReference().getReference()).isEqualTo("#lot");
		org.hl7.fhir.r4.model.Medication drug = (org.hl7.fhir.r4.model.Medication) started.getContained().get(0);
		assertThat(drug.getCode().getCodingFirstRep().getCode())
			.as("ketamine's RxNorm ingredient, kap.fhir.rxnorm-ketamine (clinical.md 5.1)")
			.isEqualTo("6130");
		assertThat(drug.getBatch().getLotNumber()).as("the lot the infusion was drawn from").isEqualTo(lot);
		assertThat(drug.getBatch().hasExpirationDate()).isTrue();
		assertThat(started.getContext().getReference()).isEqualTo("Encounter/" + session);
		assertThat(started.getDosage().hasDose() || started.getDosage().hasRate()).isTrue();
		assertThat(FhirValidation.errors(given)).isEmpty();
		assertThat(fhir.read()
			.resource(org.hl7.fhir.r4.model.MedicationAdministration.class)
			.withId(started.getIdPart())
			.execute()
			.getIdPart()).isEqualTo(started.getIdPart());
	}

	private String patientOf(String session) {
		return this.jdbc.sql("select patient_id::text from dosing.session where id = ?::uuid")
			.param(session)
			.query(String.class)
			.single();
	}

}
