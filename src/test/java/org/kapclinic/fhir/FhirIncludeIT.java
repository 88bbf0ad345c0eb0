package org.kapclinic.fhir;

import java.util.List;
import java.util.Map;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;

import org.kapclinic.dosing.DosingSteps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code _include} and {@code _revinclude} for the pairs of issue 22: the included
 * resources come after the matches with search mode {@code include}, validate, and are
 * read under the same care-team rule as the matches (therapist.wren, on no team here,
 * gets none of them).
 */
class FhirIncludeIT extends FhirIntegrationTest {

	private Bundle search(IGenericClient client, String url) {
		return client.search().byUrl(url).returnBundle(Bundle.class).execute();
	}

	private static List<BundleEntryComponent> withMode(Bundle bundle, SearchEntryMode mode) {
		return bundle.getEntry().stream().filter((e) -> e.getSearch().getMode() == mode).toList();
	}

	/** A patient on therapist.cove's team with two PHQ-9 scores; its family name. */
	private String[] patientWithScores() {
		String prescriber = tokenFor("dr.quill");
		String family = "Includa" + letters();
		String id = this.api
			.post("/api/v1/patients", Map.of("givenName", "Ines", "familyName", family, "birthDate", "1990-07-14",
					"sexAtBirth", "FEMALE", "confirmDuplicate", true), prescriber)
			.json()
			.get("id")
			.asString();
		this.api.put("/api/v1/patients/" + id + "/care-team", Map.of("members", List.of(userId("therapist.cove"))),
				prescriber);
		for (String day : List.of("2026-11-02", "2026-11-09")) {
			assertThat(this.api
				.post("/api/v1/patients/" + id + "/measurements",
						Map.of("instrument", "PHQ-9", "answers", List.of(2, 2, 1, 1, 1, 1, 0, 0, 0, 0),
								"administeredAt", day + "T10:00:00Z"),
						prescriber)
				.status()).isEqualTo(201);
		}
		return new String[] { id, family };
	}

	@Test
	void observationsIncludeTheirPatientAndTheirQuestionnaireResponses() {
		String patientId = patientWithScores()[0];
		Bundle found = search(client("therapist.cove"),
				"Observation?patient=" + patientId + "&_include=Observation:patient&_include=Observation:derived-from");
		assertThat(withMode(found, SearchEntryMode.MATCH)).hasSize(2)
			.allSatisfy((e) -> assertThat(e.getResource()).isInstanceOf(Observation.class));
		List<BundleEntryComponent> included = withMode(found, SearchEntryMode.INCLUDE);
		assertThat(included).extracting((e) -> e.getResource().getResourceType().name())
			.containsExactlyInAnyOrder("Patient", "QuestionnaireResponse", "QuestionnaireResponse");
		assertThat(included)
			.anySatisfy((e) -> assertThat(e.getResource().getIdElement().getIdPart()).isEqualTo(patientId));
		assertThat(FhirValidation.errors(found)).isEmpty();

		assertThatThrownBy(() -> search(client("therapist.wren"),
				"Observation?patient=" + patientId + "&_include=Observation:patient"))
			.isInstanceOf(ResourceNotFoundException.class);
	}

	@Test
	void questionnaireResponsesRevincludeTheirScores() {
		String patientId = patientWithScores()[0];
		Bundle found = search(client("dr.quill"),
				"QuestionnaireResponse?patient=" + patientId + "&_revinclude=Observation:derived-from");
		assertThat(withMode(found, SearchEntryMode.MATCH)).hasSize(2)
			.allSatisfy((e) -> assertThat(e.getResource()).isInstanceOf(QuestionnaireResponse.class));
		assertThat(withMode(found, SearchEntryMode.INCLUDE)).hasSize(2)
			.allSatisfy((e) -> assertThat(((Observation) e.getResource()).getDerivedFromFirstRep().getReference())
				.startsWith("QuestionnaireResponse/"));
		assertThat(FhirValidation.errors(found)).isEmpty();
	}

	@Test
	void patientsRevincludeTheirObservationsForTheirCareTeamOnly() {
		String[] patient = patientWithScores();
		Bundle found = search(client("therapist.cove"),
				"Patient?family=" + patient[1] + "&_revinclude=Observation:patient");
		assertThat(withMode(found, SearchEntryMode.MATCH)).hasSize(1);
		assertThat(withMode(found, SearchEntryMode.INCLUDE)).hasSize(2)
			.allSatisfy((e) -> assertThat(((Observation) e.getResource()).getSubject().getReference())
				.isEqualTo("Patient/" + patient[0]));
		assertThat(FhirValidation.errors(found)).isEmpty();
		assertThat(search(client("therapist.wren"), "Patient?family=" + patient[1] + "&_revinclude=Observation:patient")
			.getEntry()).isEmpty();
		assertThat(withMode(
				search(client("desk.dale"), "Patient?family=" + patient[1] + "&_revinclude=Observation:patient"),
				SearchEntryMode.INCLUDE))
			.as("the desk sees the registration, not the scores")
			.isEmpty();
	}

	@Test
	void administrationsIncludeTheirEncounterAndEncountersRevincludeThem() {
		DosingSteps steps = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId);
		String session = steps.checkedIn("IV_INFUSION", "IV_KETAMINE", 70.0);
		steps.infusionStarted(session);
		String patientId = this.jdbc.sql("select patient_id::text from dosing.session where id = ?::uuid")
			.param(session)
			.query(String.class)
			.single();
		IGenericClient prescriber = client("dr.quill");

		Bundle given = search(prescriber,
				"MedicationAdministration?patient=" + patientId + "&_include=MedicationAdministration:context");
		assertThat(withMode(given, SearchEntryMode.MATCH)).hasSize(1)
			.allSatisfy((e) -> assertThat(e.getResource()).isInstanceOf(MedicationAdministration.class));
		assertThat(withMode(given, SearchEntryMode.INCLUDE)).singleElement()
			.satisfies((e) -> assertThat(e.getResource().getIdElement().getIdPart()).isEqualTo(session))
			.satisfies((e) -> assertThat(e.getResource()).isInstanceOf(Encounter.class));
		assertThat(FhirValidation.errors(given)).isEmpty();

		Bundle sessions = search(prescriber,
				"Encounter?patient=" + patientId + "&_revinclude=MedicationAdministration:context");
		assertThat(withMode(sessions, SearchEntryMode.MATCH)).hasSize(1);
		assertThat(withMode(sessions, SearchEntryMode.INCLUDE)).singleElement()
			.satisfies((e) -> assertThat(((MedicationAdministration) e.getResource()).getContext().getReference())
				.isEqualTo("Encounter/" + session));
		assertThat(FhirValidation.errors(sessions)).isEmpty();

		IGenericClient outsider = client("therapist.wren");
		assertThatThrownBy(() -> search(outsider,
				"Encounter?patient=" + patientId + "&_revinclude=MedicationAdministration:context"))
			.isInstanceOf(ResourceNotFoundException.class);
		assertThatThrownBy(() -> search(outsider,
				"MedicationAdministration?patient=" + patientId + "&_include=MedicationAdministration:context"))
			.isInstanceOf(ResourceNotFoundException.class);
	}

	@Test
	void anIncludeThisServerDoesNotOfferIsRefused() {
		String patientId = patientWithScores()[0];
		assertThatThrownBy(() -> search(client("dr.quill"),
				"Observation?patient=" + patientId + "&_include=Observation:performer"))
			.isInstanceOf(ca.uhn.fhir.rest.server.exceptions.InvalidRequestException.class);
	}

}
