package org.kapclinic.fhir;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.kapclinic.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code POST /fhir/Patient} (referrals from another EHR) through the patient module's
 * registration: read back and valid, a likely duplicate refused with the existing Patient
 * named and nothing saved, conditional create answered with the patient already here, bad
 * input refused, and a backend client needing {@code system/Patient.c}.
 */
class FhirPatientCreateIT extends FhirIntegrationTest {

	private static final String MRN_SYSTEM = "https://kapclinic.example/fhir/sid/mrn";

	private String family;

	@BeforeEach
	void family() {
		this.family = "Referral" + letters();
	}

	@Test
	void aReferralIsRegisteredReadBackAndValid() {
		Patient sent = referral(this.family, "1979-06-14");
		sent.addIdentifier().setSystem("urn:oid:2.16.840.1.113883.3.999.1").setValue("EXT-" + this.family);
		MethodOutcome outcome = client("desk.dale").create().resource(sent).execute();
		assertThat(outcome.getCreated()).isTrue();
		assertThat(outcome.getId().getResourceType()).isEqualTo("Patient");
		assertThat(outcome.getId().getVersionIdPart()).isNotBlank();

		Patient read = client("dr.quill").read().resource(Patient.class).withId(outcome.getId().getIdPart()).execute();
		assertThat(FhirValidation.errors(read)).isEmpty();
		assertThat(read.getNameFirstRep().getFamily()).isEqualTo(this.family);
		assertThat(read.getNameFirstRep().getGivenAsSingleString()).isEqualTo("Wren Quinn");
		assertThat(read.getBirthDateElement().getValueAsString()).isEqualTo("1979-06-14");
		assertThat(read.getExtensionByUrl(PatientResources.BIRTH_SEX).getValue().primitiveValue()).isEqualTo("F");
		assertThat(read.getAddressFirstRep().getCity()).isEqualTo("Testville");
		assertThat(read.getIdentifierFirstRep().getSystem()).isEqualTo(MRN_SYSTEM);
		assertThat(read.getIdentifier().get(1).getSystem()).isEqualTo("urn:oid:2.16.840.1.113883.3.999.1");
		assertThat(read.getIdentifier().get(1).getValue()).isEqualTo("EXT-" + this.family);

		JsonNode chart = this.api.get("/api/v1/patients/" + outcome.getId().getIdPart(), tokenFor("dr.quill")).json();
		assertThat(chart.get("email").asString()).isEqualTo(email(this.family));
		assertThat(chart.get("sexAtBirth").asString()).isEqualTo("FEMALE");
		assertThat(auditCount(java.util.UUID.fromString(outcome.getId().getIdPart()), "CREATE")).isEqualTo(1);
	}

	@Test
	void aLikelyDuplicateIsRefusedNamingTheExistingPatientAndNothingIsSaved() {
		String existing = client("dr.quill").create()
			.resource(referral(this.family, "1981-02-03"))
			.execute()
			.getId()
			.getIdPart();
		Patient again = referral(this.family, "1981-02-03");
		again.getTelecom().clear();

		assertThatThrownBy(() -> client("dr.quill").create().resource(again).execute())
			.isInstanceOfSatisfying(ResourceVersionConflictException.class, (ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(409);
				OperationOutcome outcome = (OperationOutcome) ex.getOperationOutcome();
				assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.DUPLICATE);
				assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("Patient/" + existing,
						"same family name and date of birth");
			});
		assertThat(count(this.family)).isEqualTo(1);
	}

	@Test
	void conditionalCreateAnswersWithThePatientAlreadyHere() {
		Patient first = referral(this.family, "1990-10-10");
		String id = client("dr.quill").create().resource(first).execute().getId().getIdPart();
		String mrn = this.api.get("/api/v1/patients/" + id, tokenFor("dr.quill")).json().get("mrn").asString();

		MethodOutcome again = client("dr.quill").create()
			.resource(referral(this.family, "1990-10-10"))
			.conditionalByUrl("Patient?identifier=" + MRN_SYSTEM + "|" + mrn)
			.execute();
		assertThat(again.getId().getIdPart()).isEqualTo(id);
		Response raw = this.api.post("/fhir/Patient", json(referral(this.family, "1990-10-10")), tokenFor("dr.quill"),
				"If-None-Exist", "identifier=" + MRN_SYSTEM + "|" + mrn);
		assertThat(raw.status()).as(raw.body()).isEqualTo(200);
		assertThat(raw.body()).contains(id);
		assertThat(count(this.family)).isEqualTo(1);
	}

	@Test
	void invalidInputIsABadRequestAndNothingIsSaved() {
		Patient nameless = referral(this.family, "1985-01-01");
		nameless.getName().clear();
		assertThatThrownBy(() -> client("dr.quill").create().resource(nameless).execute())
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("Patient.name");
		Patient future = referral(this.family, "2099-01-01");
		assertThatThrownBy(() -> client("dr.quill").create().resource(future).execute())
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("birthDate");
		Patient partial = referral(this.family, "1985-01-01");
		partial.setBirthDateElement(new DateType("1985"));
		assertThatThrownBy(() -> client("dr.quill").create().resource(partial).execute())
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("full date");
		String badDate = json(referral(this.family, "1985-01-01")).replace("1985-01-01", "1985-02-30");
		Response refused = this.api.post("/fhir/Patient", badDate, tokenFor("dr.quill"));
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.body()).contains("OperationOutcome");
		assertThat(count(this.family)).isZero();
	}

	@Test
	void aBackendClientCreatesOnlyWithTheCreateScope() throws Exception {
		String reader = SmartClientFixture.accessToken(this.api, this.port, tokenFor("admin"),
				List.of("system/Patient.rs"));
		Response refused = this.api.post("/fhir/Patient", json(referral(this.family, "1970-05-05")), reader);
		assertThat(refused.status()).as(refused.body()).isEqualTo(403);
		assertThat(refused.body()).contains("system/Patient.c");
		assertThat(count(this.family)).isZero();

		String writer = SmartClientFixture.accessToken(this.api, this.port, tokenFor("admin"),
				List.of("system/Patient.c"));
		Response created = this.api.post("/fhir/Patient", json(referral(this.family, "1970-05-05")), writer);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.location()).matches(".*/fhir/Patient/[0-9a-f-]{36}/_history/\\d+");
		assertThat(count(this.family)).isEqualTo(1);
	}

	@Test
	void aTherapistsReferralJoinsTheirCareTeamAndADuplicateOutsideItIsNotNamed() {
		String id = client("therapist.cove").create()
			.resource(referral(this.family, "1988-09-09"))
			.execute()
			.getId()
			.getIdPart();
		assertThat(client("therapist.cove").read().resource(Patient.class).withId(id).execute().getIdPart())
			.isEqualTo(id);

		Patient again = referral(this.family, "1988-09-09");
		again.getTelecom().clear();
		assertThatThrownBy(() -> client("therapist.wren").create().resource(again).execute())
			.isInstanceOfSatisfying(ResourceVersionConflictException.class, (ex) -> {
				String diagnostics = ((OperationOutcome) ex.getOperationOutcome()).getIssueFirstRep().getDiagnostics();
				assertThat(diagnostics).contains("a patient outside your care teams").doesNotContain(id);
			});
		assertThat(count(this.family)).isEqualTo(1);
	}

	@Test
	void theCapabilityStatementListsPatientCreateAndTransactions() {
		CapabilityStatement statement = this.context.newJsonParser()
			.parseResource(CapabilityStatement.class, this.api.get("/fhir/metadata", null).body());
		var rest = statement.getRestFirstRep();
		assertThat(rest.getInteraction()).extracting((i) -> i.getCode().toCode()).contains("transaction");
		assertThat(rest.getResource()
			.stream()
			.filter((r) -> r.getType().equals("Patient"))
			.findFirst()
			.orElseThrow()
			.getInteraction()).extracting((i) -> i.getCode().toCode()).contains("create", "read", "search-type");
		assertThat(rest.getResource()).extracting((r) -> r.getType()).contains("Appointment");
	}

	/** A synthetic referral: obviously fictional name, address and contacts. */
	static Patient referral(String family, String birthDate) {
		Patient patient = new Patient();
		patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(family).addGiven("Wren").addGiven("Quinn");
		patient.setBirthDateElement(new DateType(birthDate));
		patient.setGender(AdministrativeGender.FEMALE);
		patient.addExtension(PatientResources.BIRTH_SEX, new CodeType("F"));
		patient.addTelecom()
			.setSystem(ContactPoint.ContactPointSystem.PHONE)
			.setValue(String.format("+1 555 %07d", ThreadLocalRandom.current().nextInt(10_000_000)));
		patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(email(family));
		patient.addAddress().addLine("1 Fictional Way").setCity("Testville").setState("OR").setPostalCode("97000");
		return patient;
	}

	private static String email(String family) {
		return family.toLowerCase(java.util.Locale.ROOT) + "@example.invalid";
	}

	private String json(Patient patient) {
		return this.context.newJsonParser().encodeResourceToString(patient);
	}

	private long count(String family) {
		return this.jdbc.sql("select count(*) from patient.patient where family_name = ?")
			.param(family)
			.query(Long.class)
			.single();
	}

}
