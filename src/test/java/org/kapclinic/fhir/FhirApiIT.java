package org.kapclinic.fhir;

import java.util.List;
import java.util.Map;

import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The FHIR API as a real client sees it (HAPI's IGenericClient with a staff bearer
 * token): reads and the searches clients send, paging by links, the care-team rule, and
 * every resource checked by the R4 validator.
 */
class FhirApiIT extends FhirIntegrationTest {

	private static final String MRN_SYSTEM = "https://kapclinic.example/fhir/sid/mrn";

	private String family;

	private String patientId;

	private String mrn;

	@BeforeEach
	void patientWithScoresOnTherapistCovesTeam() {
		String prescriber = tokenFor("dr.quill");
		this.family = "Fhirly" + letters();
		JsonNode patient = this.api.post("/api/v1/patients",
				Map.of("givenName", "Ada", "familyName", this.family, "preferredName", "Addie", "birthDate",
						"1984-03-09", "sexAtBirth", "FEMALE", "email", "ada@example.invalid", "confirmDuplicate", true),
				prescriber)
			.json();
		this.patientId = patient.get("id").asString();
		this.mrn = patient.get("mrn").asString();
		this.api.put("/api/v1/patients/" + this.patientId + "/care-team",
				Map.of("members", List.of(userId("therapist.cove"))), prescriber);
		String path = "/api/v1/patients/" + this.patientId + "/measurements";
		int day = 1;
		for (int item : new int[] { 3, 2, 1 }) {
			assertThat(
					this.api.post(path,
							Map.of("instrument", "PHQ-9", "answers", List.of(item, item, item, 1, 1, 1, 0, 0, 0, 0),
									"administeredAt", "2026-11-0" + day + "T10:00:00Z"),
							prescriber)
						.status())
				.isEqualTo(201);
			day++;
		}
		assertThat(
				this.api.post(path, Map.of("instrument", "GAD-7", "answers", List.of(1, 1, 1, 1, 1, 1, 1)), prescriber)
					.status())
			.isEqualTo(201);
	}

	@Test
	void theCapabilityStatementAndSmartConfigurationArePublic() {
		var metadata = this.api.get("/fhir/metadata", null);
		assertThat(metadata.status()).isEqualTo(200);
		CapabilityStatement statement = this.context.newJsonParser()
			.parseResource(CapabilityStatement.class, metadata.body());
		assertThat(statement.getFhirVersion().toCode()).isEqualTo("4.0.1");
		var rest = statement.getRestFirstRep();
		assertThat(rest.getResource()).extracting((r) -> r.getType()).contains("Patient", "Observation");
		assertThat(rest.getResource()
			.stream()
			.filter((r) -> r.getType().equals("Patient"))
			.findFirst()
			.orElseThrow()
			.getSearchParam()).extracting((p) -> p.getName())
			.contains("name", "family", "given", "birthdate", "identifier");
		assertThat(rest.getSecurity().getExtensionByUrl(SmartDiscovery.OAUTH_URIS).getExtensionString("token"))
			.endsWith("/oauth2/token");
		assertThat(FhirValidation.errors(statement)).isEmpty();

		JsonNode smart = this.api.get("/fhir/.well-known/smart-configuration", null).json();
		assertThat(smart.get("token_endpoint").asString()).endsWith(":" + this.port + "/oauth2/token");
		assertThat(smart.get("token_endpoint_auth_methods_supported").toString()).contains("private_key_jwt");
	}

	@Test
	void withoutATokenNothingIsRead() {
		assertThat(this.api.get("/fhir/Patient/" + this.patientId, null).status()).isEqualTo(401);
		assertThat(this.api.get("/fhir/Patient/" + this.patientId, "not-a-token").status()).isEqualTo(401);
	}

	@Test
	void aPatientIsReadAndFoundByWhatClientsSend() {
		IGenericClient fhir = client("dr.quill");
		Patient patient = fhir.read().resource(Patient.class).withId(this.patientId).execute();
		assertThat(patient.getIdentifierFirstRep().getSystem()).isEqualTo(MRN_SYSTEM);
		assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo(this.mrn);
		assertThat(patient.getNameFirstRep().getFamily()).isEqualTo(this.family);
		assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1984-03-09");
		assertThat(patient.getGender().toCode()).isEqualTo("female");
		assertThat(patient.getMeta().getProfile().get(0).getValue()).isEqualTo(PatientResources.PROFILE);
		assertThat(FhirValidation.errors(patient)).isEmpty();

		assertThat(ids(fhir, "Patient?family=" + this.family.toLowerCase())).containsExactly(this.patientId);
		assertThat(ids(fhir, "Patient?name=" + this.family.substring(0, 9))).contains(this.patientId);
		assertThat(ids(fhir, "Patient?name=addie&family=" + this.family)).containsExactly(this.patientId);
		assertThat(ids(fhir, "Patient?given=ada&family=" + this.family + "&birthdate=1984-03-09"))
			.containsExactly(this.patientId);
		assertThat(ids(fhir, "Patient?family=" + this.family + "&birthdate=ge1990-01-01")).isEmpty();
		assertThat(ids(fhir, "Patient?identifier=" + MRN_SYSTEM + "|" + this.mrn)).containsExactly(this.patientId);
		assertThat(ids(fhir, "Patient?identifier=" + this.mrn)).containsExactly(this.patientId);
		assertThat(ids(fhir, "Patient?identifier=urn:other:system|" + this.mrn)).isEmpty();
		assertThat(fhir.read().resource(Patient.class).withId(this.patientId).encodedXml().execute().getIdPart())
			.as("XML as well as JSON")
			.isEqualTo(this.patientId);
	}

	@Test
	void thePhq9TrajectoryIsSearchedNewestFirstAndPagedByLinks() {
		IGenericClient fhir = client("therapist.cove");
		Bundle first = fhir.search()
			.forResource(Observation.class)
			.where(Observation.PATIENT.hasId(this.patientId))
			.and(Observation.CODE.exactly().systemAndCode("http://loinc.org", "44261-6"))
			.sort(new SortSpec("date", SortOrderEnum.DESC))
			.count(2)
			.returnBundle(Bundle.class)
			.execute();
		List<Observation> page = observations(first);
		assertThat(page).hasSize(2);
		assertThat(page).extracting((o) -> o.getValueQuantity().getValue().intValue()).containsExactly(6, 9);
		assertThat(page.get(0).getCode().getCodingFirstRep().getCode()).isEqualTo("44261-6");
		assertThat(page.get(0).getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("survey");
		assertThat(page.get(0).getDerivedFromFirstRep().getReference()).startsWith("QuestionnaireResponse/");
		assertThat(first.getLink(Bundle.LINK_NEXT)).as("a next page").isNotNull();
		assertThat(FhirValidation.errors(first)).isEmpty();

		Bundle second = fhir.loadPage().next(first).execute();
		assertThat(observations(second)).extracting((o) -> o.getValueQuantity().getValue().intValue())
			.containsExactly(12);
		assertThat(second.getLink(Bundle.LINK_NEXT)).isNull();

		assertThat(observations(fhir.search()
			.byUrl("Observation?patient=Patient/" + this.patientId + "&code=70274-6&category=survey")
			.returnBundle(Bundle.class)
			.execute())).hasSize(1);
		assertThat(observations(fhir.search()
			.byUrl("Observation?patient=" + this.patientId + "&code=44261-6&date=ge2026-11-02&_sort=date")
			.returnBundle(Bundle.class)
			.execute())).extracting((o) -> o.getValueQuantity().getValue().intValue()).containsExactly(9, 6);
		assertThat(observations(fhir.search()
			.byUrl("Observation?patient=" + this.patientId + "&category=vital-signs")
			.returnBundle(Bundle.class)
			.execute())).isEmpty();

		Observation one = fhir.read().resource(Observation.class).withId(page.get(0).getIdPart()).execute();
		assertThat(FhirValidation.errors(one)).isEmpty();

		QuestionnaireResponse answers = fhir.read()
			.resource(QuestionnaireResponse.class)
			.withUrl(one.getDerivedFromFirstRep().getReference())
			.execute();
		assertThat(answers.getQuestionnaire()).endsWith("/Questionnaire/PHQ-9|"
				+ answers.getQuestionnaire().substring(answers.getQuestionnaire().indexOf('|') + 1));
		assertThat(answers.getItem()).hasSizeGreaterThanOrEqualTo(9);
		assertThat(answers.getItemFirstRep().getAnswerFirstRep().getValueIntegerType().getValue())
			.as("item 1 of the newest PHQ-9")
			.isEqualTo(1);
		assertThat(FhirValidation.errors(answers)).isEmpty();
		assertThat(fhir.search()
			.byUrl("QuestionnaireResponse?patient=" + this.patientId)
			.returnBundle(Bundle.class)
			.execute()
			.getEntry()).as("three PHQ-9 and one GAD-7").hasSize(4);
	}

	@Test
	void everythingIsThePatientThenTheirRecordNewestFirst() {
		Bundle all = everything("therapist.cove", this.patientId);
		assertThat(all.getEntry()).extracting((e) -> e.getResource().fhirType())
			.as("the patient, their care team, then 4 scores each with its QuestionnaireResponse")
			.startsWith("Patient", "CareTeam")
			.containsOnly("Patient", "CareTeam", "Observation", "QuestionnaireResponse")
			.hasSize(10);
		assertThat(FhirValidation.errors(all)).isEmpty();
		Bundle firstThree = client("therapist.cove").search()
			.byUrl("http://localhost:" + this.port + "/fhir/Patient/" + this.patientId + "/$everything?_count=3")
			.returnBundle(Bundle.class)
			.execute();
		assertThat(firstThree.getEntry()).hasSize(3);
		assertThat(firstThree.getLink(Bundle.LINK_NEXT)).isNotNull();
		assertThatThrownBy(() -> client("therapist.wren").search()
			.byUrl("http://localhost:" + this.port + "/fhir/Patient/" + this.patientId + "/$everything")
			.returnBundle(Bundle.class)
			.execute()).isInstanceOf(ResourceNotFoundException.class);
	}

	@Test
	void aStaffTokenSeesOnlyWhatTheChartWouldShowThem() {
		IGenericClient outsider = client("therapist.wren");
		assertThatThrownBy(() -> outsider.read().resource(Patient.class).withId(this.patientId).execute())
			.as("not on the care team: not found, so ids cannot be probed")
			.isInstanceOf(ResourceNotFoundException.class);
		assertThat(ids(outsider, "Patient?family=" + this.family)).isEmpty();
		assertThatThrownBy(() -> outsider.search()
			.byUrl("Observation?patient=" + this.patientId)
			.returnBundle(Bundle.class)
			.execute()).isInstanceOf(ResourceNotFoundException.class);

		assertThat(ids(client("therapist.cove"), "Patient?family=" + this.family)).containsExactly(this.patientId);

		IGenericClient frontDesk = client("desk.dale");
		assertThat(frontDesk.read().resource(Patient.class).withId(this.patientId).execute().getIdPart())
			.isEqualTo(this.patientId);
		assertThatThrownBy(() -> frontDesk.search()
			.byUrl("Observation?patient=" + this.patientId)
			.returnBundle(Bundle.class)
			.execute()).as("the front desk never sees clinical content")
			.isInstanceOf(ForbiddenOperationException.class);
	}

	@Test
	void aQuestionnaireResponseIsScoredAndItsRiskAnswerRaisesTheFlag() {
		QuestionnaireResponse sent = new QuestionnaireResponse();
		sent.setQuestionnaire("http://loinc.org/q/44249-1");
		sent.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
		sent.getSubject().setReference("Patient/" + this.patientId);
		int[] scores = { 2, 2, 1, 1, 1, 1, 0, 0, 2 };
		for (int i = 0; i < scores.length; i++) {
			sent.addItem().setLinkId(Integer.toString(i + 1)).addAnswer().setValue(new IntegerType(scores[i]));
		}
		var outcome = client("therapist.cove").create().resource(sent).execute();
		assertThat(outcome.getCreated()).isTrue();
		String id = outcome.getId().getIdPart();

		Observation score = client("dr.quill").read().resource(Observation.class).withId(id).execute();
		assertThat(score.getValueQuantity().getValue().intValue()).as("scored as the chart scores: 2+2+1+1+1+1+0+0+2")
			.isEqualTo(10);
		assertThat(score.getDerivedFromFirstRep().getReference()).isEqualTo("QuestionnaireResponse/" + id);
		assertThat(this.api.get("/api/v1/patients/" + this.patientId + "/flags", tokenFor("dr.quill")).body())
			.as("item 9 answered above 0 (PHQ-9 manual): the suicide-risk flag")
			.contains("suicide-risk");

		QuestionnaireResponse unknown = sent.copy();
		unknown.setQuestionnaire("http://example.invalid/Questionnaire/other");
		assertThatThrownBy(() -> client("dr.quill").create().resource(unknown).execute())
			.isInstanceOf(ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException.class)
			.hasMessageContaining("not one of our instruments");
		assertThatThrownBy(() -> client("therapist.wren").create().resource(sent.copy()).execute())
			.as("not on the care team")
			.isInstanceOf(ResourceNotFoundException.class);
	}

	/**
	 * The body leaves in one piece with its length, not as an HTTP chunk per JSON value
	 * (HAPI's writer flushes after each; {@code fhir.UnflushedResponse}).
	 */
	@Test
	void aResourceIsSentWholeNotValueByValue() throws Exception {
		var response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/fhir/Patient/" + this.patientId))
				.header("Accept", "application/fhir+json")
				.header("Authorization", "Bearer " + tokenFor("dr.quill"))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Transfer-Encoding")).isEmpty();
		assertThat(response.headers().firstValueAsLong("Content-Length"))
			.hasValue(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
		assertThat(this.context.newJsonParser().parseResource(Patient.class, response.body()).getIdPart())
			.isEqualTo(this.patientId);
	}

	@Test
	void xmlWithAnExternalEntityIsRefusedUnread() throws Exception {
		String xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
				+ "<QuestionnaireResponse xmlns=\"http://hl7.org/fhir\"><status value=\"completed\"/>"
				+ "<subject><reference value=\"Patient/" + this.patientId + "\"/></subject>"
				+ "<item><linkId value=\"&xxe;\"/></item></QuestionnaireResponse>";
		var response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/fhir/QuestionnaireResponse"))
				.header("Content-Type", "application/fhir+xml")
				.header("Accept", "application/fhir+json")
				.header("Authorization", "Bearer " + tokenFor("dr.quill"))
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(xml))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.body()).contains("OperationOutcome").doesNotContain("root:");
	}

	@Test
	void readsAreAuditedWithTheirPatient() {
		long before = auditCount(java.util.UUID.fromString(this.patientId), "READ");
		client("dr.quill").read().resource(Patient.class).withId(this.patientId).execute();
		org.awaitility.Awaitility.await()
			.until(() -> auditCount(java.util.UUID.fromString(this.patientId), "READ") > before);
	}

	private static List<String> ids(IGenericClient fhir, String url) {
		return fhir.search()
			.byUrl(url)
			.returnBundle(Bundle.class)
			.execute()
			.getEntry()
			.stream()
			.map((e) -> e.getResource().getIdElement().getIdPart())
			.toList();
	}

	private static List<Observation> observations(Bundle bundle) {
		return bundle.getEntry().stream().map((e) -> (Observation) e.getResource()).toList();
	}

}
