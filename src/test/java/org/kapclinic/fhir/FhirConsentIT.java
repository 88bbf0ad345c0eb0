package org.kapclinic.fhir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.kapclinic.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Signed consent documents as FHIR Consents: the program consent and a release of
 * information (scope, LOINC category, policy, the release's recipient and expiry), a
 * withdrawn one turning {@code inactive}, a minor's guardian consent and assent; read and
 * searched with HAPI's client, valid R4, never carrying the signer's network address, and
 * held to the chart's care-team rule.
 */
class FhirConsentIT extends FhirIntegrationTest {

	private final LocalDate expiresOn = LocalDate.of(2031, 3, 31);

	private String patientId;

	private String treatment;

	private String release;

	/** An adult on therapist.cove's team who signed the KAP consent and a release. */
	@BeforeEach
	void adultWhoSignedTreatmentAndRelease() {
		this.patientId = patientOnCovesTeam("Cora", "Consently", "1984-04-04", "FEMALE");
		this.treatment = sign(this.patientId, "KAP_TREATMENT", "Cora Consently", "PATIENT", Map.of());
		Map<String, String> details = new HashMap<>();
		details.put("recipientName", "Dr. Fictional Outside Psychiatrist");
		details.put("scope", "summary of ketamine treatment");
		details.put("expiresOn", this.expiresOn.toString());
		details.put("content", "COURSE_STATUS,OUTCOMES");
		this.release = sign(this.patientId, "RELEASE_OF_INFORMATION", "Cora Consently", "PATIENT", details);
	}

	private String sign(String patient, String document, String signer, String role, Map<String, String> details) {
		Response signed = this.api.post(
				"/api/v1/patients/" + patient + "/consents", Map.of("document", document, "version",
						currentVersion(document), "signerName", signer, "signerRole", role, "details", details),
				tokenFor("therapist.cove"));
		assertThat(signed.status()).as(signed.body()).isEqualTo(201);
		return signed.json().get("id").asString();
	}

	private int currentVersion(String document) {
		for (JsonNode d : this.api.get("/api/v1/consent-documents", tokenFor("dr.quill")).json()) {
			if (d.get("code").asString().equals(document)) {
				return d.get("version").asInt();
			}
		}
		throw new IllegalStateException(document);
	}

	private Bundle search(IGenericClient fhir, String query) {
		return fhir.search().byUrl(query).returnBundle(Bundle.class).execute();
	}

	private static List<String> ids(Bundle bundle) {
		return bundle.getEntry().stream().map((e) -> e.getResource().getIdElement().getIdPart()).toList();
	}

	@Test
	void aProgramConsentAndAReleaseOfInformationAreConsents() {
		IGenericClient fhir = client("therapist.cove");
		Bundle found = search(fhir, "Consent?patient=" + this.patientId);
		assertThat(ids(found)).containsExactly(this.treatment, this.release);
		assertThat(FhirValidation.errors(found)).isEmpty();

		long readsBefore = auditCount(java.util.UUID.fromString(this.patientId), "READ");
		Consent treatment = fhir.read().resource(Consent.class).withId(this.treatment).execute();
		assertThat(auditCount(java.util.UUID.fromString(this.patientId), "READ")).as("audited")
			.isGreaterThan(readsBefore);
		assertThat(treatment.getStatus()).isEqualTo(Consent.ConsentState.ACTIVE);
		assertThat(treatment.getScope().getCodingFirstRep().getCode()).isEqualTo("treatment");
		assertThat(treatment.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("59284-0");
		assertThat(treatment.getPatient().getReference()).isEqualTo("Patient/" + this.patientId);
		assertThat(treatment.getPerformerFirstRep().getReference()).isEqualTo("Patient/" + this.patientId);
		assertThat(treatment.getDateTime()).isNotNull();
		assertThat(treatment.getSourceAttachment().getTitle()).contains("KAP_TREATMENT version");
		assertThat(treatment.getPolicyFirstRep().getUri())
			.startsWith(ConsentResources.POLICY_PREFIX + "KAP_TREATMENT:");
		assertThat(treatment.hasProvision()).isFalse();
		assertThat(FhirValidation.errors(treatment)).isEmpty();

		Consent release = fhir.read().resource(Consent.class).withId(this.release).execute();
		assertThat(release.getScope().getCodingFirstRep().getCode()).isEqualTo("patient-privacy");
		assertThat(release.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("64292-6");
		assertThat(release.getPolicyRule().getCodingFirstRep().getCode()).isEqualTo("hipaa-auth");
		assertThat(release.getProvision().getActorFirstRep().getReference().getDisplay())
			.isEqualTo("Dr. Fictional Outside Psychiatrist");
		assertThat(release.getProvision().getPeriod().getEndElement().getValueAsString())
			.isEqualTo(this.expiresOn.toString());
		assertThat(release.getProvision().getCode()).extracting((c) -> c.getText())
			.containsExactly("Course status", "Outcome scores");
		assertThat(FhirValidation.errors(release)).isEmpty();

		String json = this.context.newJsonParser().encodeResourceToString(found);
		assertThat(json).as("the signer's network address stays in the clinic")
			.doesNotContain("127.0.0.1")
			.doesNotContain("0:0:0:0:0:0:0:1")
			.doesNotContain("summary of ketamine treatment");
	}

	@Test
	void aWithdrawnConsentIsInactiveAndStillThere() {
		Response withdrawn = this.api.post("/api/v1/consents/" + this.release + "/withdraw",
				Map.of("reason", "Fictional patient changed their mind"), tokenFor("therapist.cove"));
		assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
		IGenericClient fhir = client("therapist.cove");
		Consent release = fhir.read().resource(Consent.class).withId(this.release).execute();
		assertThat(release.getStatus()).isEqualTo(Consent.ConsentState.INACTIVE);
		assertThat(FhirValidation.errors(release)).isEmpty();
		assertThat(this.context.newJsonParser().encodeResourceToString(release)).doesNotContain("changed their mind");
		assertThat(ids(search(fhir, "Consent?patient=" + this.patientId))).containsExactly(this.treatment,
				this.release);
		assertThat(ids(search(fhir, "Consent?patient=" + this.patientId + "&status=active")))
			.containsExactly(this.treatment);
		assertThat(ids(search(fhir, "Consent?patient=" + this.patientId + "&status=inactive")))
			.containsExactly(this.release);
	}

	@Test
	void aMinorsGuardianConsentAndAssent() {
		String prescriber = tokenFor("dr.quill");
		String minor = this.api
			.post("/api/v1/patients",
					Map.of("givenName", "Milo", "familyName", "Assently" + letters(), "birthDate", "2011-09-09",
							"sexAtBirth", "MALE", "confirmDuplicate", true, "guardians",
							List.of(Map.of("name", "Greta Assently", "relationship", "Mother", "phone", "555-0150"))),
					prescriber)
			.json()
			.get("id")
			.asString();
		assertThat(this.api
			.put("/api/v1/patients/" + minor + "/care-team",
					Map.of("members", List.of(userId("therapist.cove").toString())), prescriber)
			.status()).isEqualTo(200);
		String guardian = sign(minor, "KAP_TREATMENT", "Greta Assently", "GUARDIAN", Map.of());
		String assent = sign(minor, "ASSENT_MINOR", "Milo Assently", "PATIENT", Map.of());

		Bundle found = search(client("therapist.cove"), "Consent?patient=Patient/" + minor);
		assertThat(ids(found)).containsExactly(guardian, assent);
		assertThat(FhirValidation.errors(found)).isEmpty();
		Consent byGuardian = (Consent) found.getEntry().get(0).getResource();
		assertThat(byGuardian.getPerformerFirstRep().getDisplay()).isEqualTo("Greta Assently (guardian)");
		assertThat(byGuardian.getPerformerFirstRep().hasReference()).isFalse();
		Consent byMinor = (Consent) found.getEntry().get(1).getResource();
		assertThat(byMinor.getScope().getCodingFirstRep().getCode()).isEqualTo("treatment");
		assertThat(byMinor.getPerformerFirstRep().getReference()).isEqualTo("Patient/" + minor);
	}

	@Test
	void aTherapistOffTheTeamFindsNothing() {
		IGenericClient outsider = client("therapist.wren");
		assertThatThrownBy(() -> outsider.read().resource(Consent.class).withId(this.release).execute())
			.isInstanceOf(ResourceNotFoundException.class);
		assertThatThrownBy(() -> search(outsider, "Consent?patient=" + this.patientId))
			.isInstanceOf(ResourceNotFoundException.class);
		assertThatThrownBy(() -> client("therapist.cove").read()
			.resource(Consent.class)
			.withId("00000000-0000-0000-0000-000000000000")
			.execute()).isInstanceOf(ResourceNotFoundException.class);

		Bundle everything = client("therapist.cove").search()
			.byUrl("http://localhost:" + this.port + "/fhir/Patient/" + this.patientId + "/$everything")
			.returnBundle(Bundle.class)
			.execute();
		assertThat(everything.getEntry()).extracting((e) -> e.getResource().fhirType())
			.containsExactly("Patient", "CareTeam", "Consent", "Consent");
		assertThat(FhirValidation.errors(everything)).isEmpty();
	}

	@Test
	void aBulkExportWritesTheConsents() throws Exception {
		String token = tokenFor("dr.quill");
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> kickOff = http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/fhir/$export?_type=Consent"))
				.header("Authorization", "Bearer " + token)
				.header("Accept", "application/fhir+json")
				.header("Prefer", "respond-async")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(kickOff.statusCode()).as(kickOff.body()).isEqualTo(202);
		URI status = URI.create(kickOff.headers().firstValue("Content-Location").orElseThrow());
		List<HttpResponse<String>> last = new ArrayList<>(List.of(kickOff));
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
			last.set(0,
					http.send(HttpRequest.newBuilder(status).header("Authorization", "Bearer " + token).GET().build(),
							HttpResponse.BodyHandlers.ofString()));
			return last.get(0).statusCode() != 202;
		});
		assertThat(last.get(0).statusCode()).as(last.get(0).body()).isEqualTo(200);
		List<Resource> mine = new ArrayList<>();
		for (JsonNode output : tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readTree(last.get(0).body())
			.get("output")) {
			String ndjson = http
				.send(HttpRequest.newBuilder(URI.create(output.get("url").asString()))
					.header("Authorization", "Bearer " + token)
					.header("Accept", "application/fhir+ndjson")
					.GET()
					.build(), HttpResponse.BodyHandlers.ofString())
				.body();
			ndjson.lines()
				.map((line) -> (Resource) this.context.newJsonParser().parseResource(line))
				.filter((r) -> ((Consent) r).getPatient().getReference().equals("Patient/" + this.patientId))
				.forEach(mine::add);
		}
		assertThat(mine).extracting((r) -> r.getIdElement().getIdPart())
			.containsExactlyInAnyOrder(this.treatment, this.release);
		for (Resource r : mine) {
			assertThat(FhirValidation.errors(r)).isEmpty();
		}
	}

}
