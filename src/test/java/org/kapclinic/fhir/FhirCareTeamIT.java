package org.kapclinic.fhir;

import java.util.List;
import java.util.Map;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who looks after a patient, and what they are treated for, as a FHIR client reads it:
 * Practitioner, CareTeam, RelatedPerson (guardians, emergency contact), Condition (intake
 * diagnoses) and body weight and height Observations. Each is read and searched with
 * HAPI's client, checked by the R4 validator, and held to the chart's care-team rule.
 */
class FhirCareTeamIT extends FhirIntegrationTest {

	private static final String STAFF_SYSTEM = "https://kapclinic.example/fhir/sid/staff";

	private String patientId;

	private String cove;

	private String bell;

	/**
	 * A minor with a guardian and an emergency contact, on therapist.cove's and
	 * nurse.bell's team, with two diagnoses on a draft intake and a weight and height.
	 */
	@BeforeEach
	void minorOnCovesAndBellsTeam() {
		String prescriber = tokenFor("dr.quill");
		JsonNode patient = this.api.post("/api/v1/patients", Map.of("givenName", "Robin", "familyName",
				"Teamly" + letters(), "birthDate", "2013-06-15", "sexAtBirth", "MALE", "confirmDuplicate", true,
				"guardians", List.of(Map.of("name", "Marian Teamly", "relationship", "Mother", "phone", "555-0142")),
				"emergencyContact", Map.of("name", "Walter Teamly", "relationship", "Uncle", "phone", "555-0143")),
				prescriber)
			.json();
		this.patientId = patient.get("id").asString();
		this.cove = userId("therapist.cove").toString();
		this.bell = userId("nurse.bell").toString();
		assertThat(this.api
			.put("/api/v1/patients/" + this.patientId + "/care-team", Map.of("members", List.of(this.cove, this.bell)),
					prescriber)
			.status()).isEqualTo(200);
		var intake = this.api.put("/api/v1/patients/" + this.patientId + "/intake",
				Map.of("diagnoses", List.of("F33.1", "F41.1"), "submit", false), prescriber);
		assertThat(intake.status()).as(intake.body()).isEqualTo(200);
		var measured = this.api.post("/api/v1/patients/" + this.patientId + "/body-measurements",
				Map.of("weightKg", 52.5, "heightCm", 161.0, "measuredAt", "2026-11-02T09:00:00Z"), prescriber);
		assertThat(measured.status()).as(measured.body()).isEqualTo(201);
	}

	@Test
	void aClinicianIsAPractitionerWithAnIdentifierAndNoAccountData() {
		IGenericClient fhir = client("therapist.wren");
		String quill = userId("dr.quill").toString();
		// Other tests rename dr.quill and set its NPI: give it the NPI here, and name a
		// prescriber of this test's own.
		String admin = tokenFor("admin");
		tools.jackson.databind.JsonNode account = this.api.get("/api/v1/users/" + quill, admin).json();
		assertThat(this.api
			.put("/api/v1/users/" + quill,
					Map.of("displayName", account.get("displayName").asString(), "roles", List.of("PRESCRIBER"),
							"version", account.get("version").asLong(), "npi", "9000000023"),
					admin)
			.status()).isEqualTo(200);
		String surname = "Quillon" + letters();
		String prescriber = this.api.post("/api/v1/users",
				Map.of("username", "fhir." + surname.toLowerCase(java.util.Locale.ROOT), "password",
						"a-long-test-password-2026", "displayName", "Dr. Ursa " + surname + " (test)", "roles",
						List.of("PRESCRIBER")),
				admin)
			.json()
			.get("id")
			.asString();
		Practitioner practitioner = fhir.read().resource(Practitioner.class).withId(quill).execute();
		assertThat(practitioner.getMeta().getProfile().get(0).getValue()).isEqualTo(PractitionerProvider.PROFILE);
		assertThat(practitioner.getIdentifier()).extracting((i) -> i.getSystem() + "|" + i.getValue())
			.containsExactly(STAFF_SYSTEM + "|" + quill, PractitionerProvider.NPI_SYSTEM + "|9000000023");
		assertThat(practitioner.getActive()).isTrue();
		Practitioner named = fhir.read().resource(Practitioner.class).withId(prescriber).execute();
		assertThat(named.getNameFirstRep().getText()).isEqualTo("Dr. Ursa " + surname + " (test)");
		assertThat(named.getNameFirstRep().getFamily()).isEqualTo(surname);
		assertThat(named.getNameFirstRep().getPrefixAsSingleString()).isEqualTo("Dr.");
		assertThat(FhirValidation.errors(named)).isEmpty();
		String json = this.context.newJsonParser().encodeResourceToString(practitioner);
		assertThat(json).doesNotContain("dr.quill").doesNotContainIgnoringCase("password");
		assertThat(FhirValidation.errors(practitioner)).isEmpty();

		Bundle byName = search(fhir, "Practitioner?name=" + surname);
		assertThat(ids(byName)).containsExactly(prescriber);
		assertThat(FhirValidation.errors(byName)).isEmpty();
		assertThat(ids(search(fhir, "Practitioner?identifier=" + PractitionerProvider.NPI_SYSTEM + "|9000000023")))
			.containsExactly(quill);
		assertThat(ids(search(fhir, "Practitioner?identifier=" + STAFF_SYSTEM + "|" + this.cove)))
			.containsExactly(this.cove);
		assertThat(ids(search(fhir, "Practitioner?identifier=urn:other|" + this.cove))).isEmpty();
		assertThat(ids(search(fhir, "Practitioner?_count=100"))).as("clinicians only")
			.contains(quill, this.cove, this.bell)
			.doesNotContain(userId("desk.dale").toString(), userId("admin").toString());
		assertThatThrownBy(
				() -> fhir.read().resource(Practitioner.class).withId(userId("desk.dale").toString()).execute())
			.as("the front desk is staff, not a clinician")
			.isInstanceOf(ResourceNotFoundException.class);
	}

	@Test
	void aPatientsCareTeamIsOneCareTeamReferencingPractitioners() {
		IGenericClient fhir = client("therapist.cove");
		CareTeam team = fhir.read().resource(CareTeam.class).withId(this.patientId).execute();
		assertThat(team.getMeta().getProfile().get(0).getValue()).isEqualTo(CareTeamProvider.PROFILE);
		assertThat(team.getStatus()).isEqualTo(CareTeam.CareTeamStatus.ACTIVE);
		assertThat(team.getSubject().getReference()).isEqualTo("Patient/" + this.patientId);
		assertThat(team.getParticipant()).extracting((p) -> p.getMember().getReference())
			.containsExactlyInAnyOrder("Practitioner/" + this.cove, "Practitioner/" + this.bell);
		assertThat(team.getParticipant()).extracting((p) -> p.getRoleFirstRep().getText())
			.containsExactlyInAnyOrder("Therapist", "Nurse");
		assertThat(FhirValidation.errors(team)).isEmpty();

		String member = team.getParticipantFirstRep().getMember().getReference();
		assertThat(fhir.read().resource(Practitioner.class).withUrl(member).execute().getIdPart())
			.isEqualTo(member.substring("Practitioner/".length()));

		Bundle found = search(fhir, "CareTeam?patient=" + this.patientId);
		assertThat(ids(found)).containsExactly(this.patientId);
		assertThat(FhirValidation.errors(found)).isEmpty();
		assertThat(ids(search(fhir, "CareTeam?patient=Patient/" + this.patientId + "&status=active")))
			.containsExactly(this.patientId);
		assertThat(ids(search(fhir, "CareTeam?patient=" + this.patientId + "&status=inactive"))).isEmpty();
		assertThat(ids(search(client("desk.dale"), "CareTeam?patient=" + this.patientId)))
			.as("the front desk sees care teams, as in the chart")
			.containsExactly(this.patientId);
	}

	@Test
	void guardiansAndTheEmergencyContactAreRelatedPersons() {
		IGenericClient fhir = client("nurse.bell");
		Bundle found = search(fhir, "RelatedPerson?patient=" + this.patientId);
		assertThat(ids(found)).containsExactly(this.patientId + "-guardian-0", this.patientId + "-emergency");
		assertThat(FhirValidation.errors(found)).isEmpty();

		RelatedPerson mother = fhir.read()
			.resource(RelatedPerson.class)
			.withId(this.patientId + "-guardian-0")
			.execute();
		assertThat(mother.getMeta().getProfile().get(0).getValue()).isEqualTo(RelatedPersonProvider.PROFILE);
		assertThat(mother.getActive()).isTrue();
		assertThat(mother.getPatient().getReference()).isEqualTo("Patient/" + this.patientId);
		assertThat(mother.getRelationship()).extracting((r) -> r.getCodingFirstRep().getCode())
			.containsExactly("GUARD", "MTH");
		assertThat(mother.getRelationship().get(1).getText()).isEqualTo("Mother");
		assertThat(mother.getNameFirstRep().getText()).isEqualTo("Marian Teamly");
		assertThat(mother.getTelecomFirstRep().getValue()).isEqualTo("555-0142");
		assertThat(FhirValidation.errors(mother)).isEmpty();

		RelatedPerson uncle = fhir.read().resource(RelatedPerson.class).withId(this.patientId + "-emergency").execute();
		assertThat(uncle.getRelationship()).extracting((r) -> r.getCodingFirstRep().getCode())
			.containsExactly("ECON", "UNCLE");
		assertThat(FhirValidation.errors(uncle)).isEmpty();
		assertThatThrownBy(
				() -> fhir.read().resource(RelatedPerson.class).withId(this.patientId + "-guardian-1").execute())
			.isInstanceOf(ResourceNotFoundException.class);

		Patient patient = fhir.read().resource(Patient.class).withId(this.patientId).execute();
		assertThat(patient.getContact()).as("the guardian as the Patient's contact")
			.extracting((c) -> c.getRelationshipFirstRep().getCodingFirstRep().getCode() + " " + c.getName().getText())
			.containsExactly("GUARD Marian Teamly");
		assertThat(FhirValidation.errors(patient)).isEmpty();
	}

	@Test
	void intakeDiagnosesAreProblemListConditionsInIcd10Cm() {
		IGenericClient fhir = client("therapist.cove");
		Bundle found = search(fhir, "Condition?patient=" + this.patientId);
		assertThat(ids(found)).containsExactly(this.patientId + "-F33.1", this.patientId + "-F41.1");
		assertThat(FhirValidation.errors(found)).isEmpty();

		Condition depression = fhir.read().resource(Condition.class).withId(this.patientId + "-F33.1").execute();
		assertThat(depression.getMeta().getProfile().get(0).getValue()).isEqualTo(ConditionProvider.PROFILE);
		assertThat(depression.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://hl7.org/fhir/sid/icd-10-cm");
		assertThat(depression.getCode().getCodingFirstRep().getCode()).isEqualTo("F33.1");
		assertThat(depression.getCode().getText()).isEqualTo("Major depressive disorder, recurrent, moderate");
		assertThat(depression.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("problem-list-item");
		assertThat(depression.getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("active");
		assertThat(depression.getVerificationStatus().getCodingFirstRep().getCode()).as("the intake is still a draft")
			.isEqualTo("provisional");
		assertThat(depression.getSubject().getReference()).isEqualTo("Patient/" + this.patientId);
		assertThat(depression.hasRecordedDate()).isTrue();
		assertThat(FhirValidation.errors(depression)).isEmpty();

		assertThat(ids(search(fhir,
				"Condition?patient=" + this.patientId + "&category=problem-list-item"
						+ "&clinical-status=active&code=http://hl7.org/fhir/sid/icd-10-cm|F41.1")))
			.containsExactly(this.patientId + "-F41.1");
		assertThat(ids(search(fhir, "Condition?patient=" + this.patientId + "&category=encounter-diagnosis")))
			.isEmpty();
		assertThat(ids(search(fhir, "Condition?patient=" + this.patientId + "&clinical-status=resolved"))).isEmpty();
		assertThatThrownBy(() -> fhir.read().resource(Condition.class).withId(this.patientId + "-F32.0").execute())
			.isInstanceOf(ResourceNotFoundException.class);
		assertThatThrownBy(() -> search(client("desk.dale"), "Condition?patient=" + this.patientId))
			.as("the front desk never sees clinical content")
			.isInstanceOf(ForbiddenOperationException.class);
	}

	@Test
	void weightAndHeightAreVitalSignObservations() {
		IGenericClient fhir = client("nurse.bell");
		Bundle found = search(fhir, "Observation?patient=" + this.patientId + "&category=vital-signs");
		List<Observation> observations = found.getEntry().stream().map((e) -> (Observation) e.getResource()).toList();
		assertThat(observations)
			.extracting((o) -> o.getCode().getCodingFirstRep().getCode() + "=" + o.getValueQuantity().getValue() + " "
					+ o.getValueQuantity().getCode())
			.as("as the chart stores them: kg to 0.01, cm to 0.1")
			.containsExactlyInAnyOrder("29463-7=52.50 kg", "8302-2=161.0 cm");
		assertThat(FhirValidation.errors(found)).isEmpty();

		Observation weight = observations.stream()
			.filter((o) -> o.getIdPart().endsWith("-wt"))
			.findFirst()
			.orElseThrow();
		Observation read = fhir.read().resource(Observation.class).withId(weight.getIdPart()).execute();
		assertThat(read.getMeta().getProfile()).extracting((p) -> p.getValue())
			.contains("http://hl7.org/fhir/StructureDefinition/bodyweight",
					"http://hl7.org/fhir/us/core/StructureDefinition/us-core-body-weight");
		assertThat(FhirValidation.errors(read)).isEmpty();
		assertThat(ids(search(fhir, "Observation?patient=" + this.patientId + "&code=http://loinc.org|8302-2")))
			.containsExactly(weight.getIdPart().replace("-wt", "-ht"));
		assertThat(ids(search(fhir, "Observation?patient=" + this.patientId + "&code=8302-2&date=lt2026-11-01")))
			.isEmpty();
	}

	@Test
	void everythingHoldsTheTeamContactsAndDiagnoses() {
		Bundle all = everything("therapist.cove", this.patientId);
		assertThat(all.getEntry()).extracting((e) -> e.getResource().fhirType())
			.containsExactly("Patient", "CareTeam", "RelatedPerson", "RelatedPerson", "Condition", "Condition",
					"Observation", "Observation");
		assertThat(FhirValidation.errors(all)).isEmpty();
	}

	@Test
	void aTherapistOffTheTeamSeesNoneOfIt() {
		IGenericClient outsider = client("therapist.wren");
		assertThatThrownBy(() -> outsider.read().resource(CareTeam.class).withId(this.patientId).execute())
			.isInstanceOf(ResourceNotFoundException.class);
		assertThatThrownBy(() -> search(outsider, "CareTeam?patient=" + this.patientId))
			.isInstanceOf(ResourceNotFoundException.class);
		assertThatThrownBy(
				() -> outsider.read().resource(RelatedPerson.class).withId(this.patientId + "-guardian-0").execute())
			.isInstanceOf(ResourceNotFoundException.class);
		assertThatThrownBy(() -> search(outsider, "RelatedPerson?patient=" + this.patientId))
			.isInstanceOf(ResourceNotFoundException.class);
		assertThatThrownBy(() -> outsider.read().resource(Condition.class).withId(this.patientId + "-F33.1").execute())
			.isInstanceOf(ResourceNotFoundException.class);
		assertThatThrownBy(() -> search(outsider, "Condition?patient=" + this.patientId))
			.isInstanceOf(ResourceNotFoundException.class);
		assertThatThrownBy(() -> search(outsider, "Observation?patient=" + this.patientId + "&code=29463-7"))
			.isInstanceOf(ResourceNotFoundException.class);
		long before = auditCount(java.util.UUID.fromString(this.patientId), "READ");
		client("therapist.cove").read().resource(Condition.class).withId(this.patientId + "-F33.1").execute();
		org.awaitility.Awaitility.await()
			.until(() -> auditCount(java.util.UUID.fromString(this.patientId), "READ") > before);
	}

	private static Bundle search(IGenericClient fhir, String url) {
		return fhir.search().byUrl(url).returnBundle(Bundle.class).execute();
	}

	private static List<String> ids(Bundle bundle) {
		return bundle.getEntry()
			.stream()
			.map(Bundle.BundleEntryComponent::getResource)
			.map(IBaseResource::getIdElement)
			.map((id) -> id.getIdPart())
			.toList();
	}

}
