package org.kapclinic.fhir;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.kapclinic.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Signed clinical notes as US Core DocumentReferences: read and searched with HAPI's
 * client, the note as base64 text, valid R4; drafts and private process notes never
 * appear (not even to the private note's own author), and a therapist off the care team
 * finds nothing.
 */
class FhirDocumentIT extends FhirIntegrationTest {

	private String patientId;

	private String signed;

	private String privateNote;

	private String draft;

	/**
	 * A patient on therapist.cove's team with one signed SOAP progress note, one signed
	 * private process note and one draft, all by therapist.cove.
	 */
	@BeforeEach
	void patientWithSignedPrivateAndDraftNotes() {
		this.patientId = patientOnCovesTeam("Dora", "Documently", "1979-07-07", "FEMALE");
		this.signed = note("PROGRESS_SOAP",
				Map.of("subjective", "Fictional patient reports calmer mornings", "assessment", "Improving"), false,
				true);
		this.privateNote = note("INTEGRATION", Map.of("experiences", "Process: my private countertransference"), true,
				true);
		this.draft = note("PROGRESS_DAP", Map.of("data", "Unfinished draft words"), false, false);
	}

	private String note(String type, Map<String, String> body, boolean privateProcess, boolean sign) {
		String cove = tokenFor("therapist.cove");
		Map<String, Object> request = new HashMap<>();
		request.put("type", type);
		request.put("body", body);
		request.put("privateProcessNote", privateProcess);
		Response created = this.api.post("/api/v1/patients/" + this.patientId + "/notes", request, cove);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		if (sign) {
			Response signedNote = this.api.post("/api/v1/notes/" + id + "/sign", Map.of(), cove);
			assertThat(signedNote.status()).as(signedNote.body()).isEqualTo(200);
		}
		return id;
	}

	private Bundle search(IGenericClient fhir, String query) {
		return fhir.search().byUrl(query).returnBundle(Bundle.class).execute();
	}

	private static List<String> ids(Bundle bundle) {
		return bundle.getEntry().stream().map((e) -> e.getResource().getIdElement().getIdPart()).toList();
	}

	@Test
	void aSignedNoteIsADocumentReferenceWithItsText() {
		IGenericClient fhir = client("therapist.cove");
		long readsBefore = auditCount(java.util.UUID.fromString(this.patientId), "READ");
		DocumentReference document = fhir.read().resource(DocumentReference.class).withId(this.signed).execute();
		assertThat(auditCount(java.util.UUID.fromString(this.patientId), "READ")).as("audited")
			.isGreaterThan(readsBefore);
		assertThat(document.getMeta().getProfile().get(0).getValue()).isEqualTo(DocumentReferences.PROFILE);
		assertThat(document.getStatus().toCode()).isEqualTo("current");
		assertThat(document.getDocStatus().toCode()).isIn("final", "preliminary");
		assertThat(document.getType().getCodingFirstRep().getCode()).isEqualTo("11506-3");
		assertThat(document.getType().getText()).isEqualTo("Progress note (SOAP)");
		assertThat(document.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("clinical-note");
		assertThat(document.getSubject().getReference()).isEqualTo("Patient/" + this.patientId);
		assertThat(document.getAuthorFirstRep().getReference()).isEqualTo("Practitioner/" + userId("therapist.cove"));
		assertThat(document.getDate()).isNotNull();
		assertThat(document.getContentFirstRep().getAttachment().getContentType()).startsWith("text/plain");
		String text = new String(document.getContentFirstRep().getAttachment().getData(), StandardCharsets.UTF_8);
		assertThat(text).contains("Subjective:", "Fictional patient reports calmer mornings", "Assessment:",
				"Improving");
		assertThat(FhirValidation.errors(document)).isEmpty();

		Bundle found = search(fhir, "DocumentReference?patient=" + this.patientId);
		assertThat(ids(found)).containsExactly(this.signed);
		assertThat(FhirValidation.errors(found)).isEmpty();
		assertThat(ids(search(fhir, "DocumentReference?patient=" + this.patientId + "&category="
				+ DocumentReferences.CATEGORY_SYSTEM + "|clinical-note")))
			.containsExactly(this.signed);
		assertThat(ids(search(fhir, "DocumentReference?patient=" + this.patientId + "&type=http://loinc.org|18842-5")))
			.isEmpty();
	}

	/**
	 * The note as PDF: the DocumentReference's second content points to
	 * {@code Binary/{id}}, which answers the PDF itself to a client asking for one and a
	 * valid Binary resource to a FHIR client; never for a private note or an outsider.
	 */
	@Test
	void aSignedNoteIsAlsoAPdfBehindItsBinary() throws Exception {
		DocumentReference document = client("therapist.cove").read()
			.resource(DocumentReference.class)
			.withId(this.signed)
			.execute();
		var pdfContent = document.getContent().get(1).getAttachment();
		assertThat(pdfContent.getContentType()).isEqualTo("application/pdf");
		assertThat(pdfContent.getUrl()).isEqualTo("Binary/" + this.signed);

		var response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/fhir/" + pdfContent.getUrl()))
				.header("Accept", "application/pdf")
				.header("Authorization", "Bearer " + tokenFor("dr.quill"))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/pdf"));
		try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(response.body())) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
			assertThat(text).contains("Progress note (SOAP)", "Documently", "Subjective:",
					"Fictional patient reports calmer mornings", "Content hash");
		}

		org.hl7.fhir.r4.model.Binary binary = client("dr.quill").read()
			.resource(org.hl7.fhir.r4.model.Binary.class)
			.withId(this.signed)
			.execute();
		assertThat(binary.getContentType()).isEqualTo("application/pdf");
		assertThat(binary.getSecurityContext().getReference()).isEqualTo("DocumentReference/" + this.signed);
		assertThat(FhirValidation.errors(binary)).isEmpty();

		IGenericClient author = client("therapist.cove");
		assertThatThrownBy(
				() -> author.read().resource(org.hl7.fhir.r4.model.Binary.class).withId(this.privateNote).execute())
			.as("a private process note has no PDF here either")
			.isInstanceOf(ResourceNotFoundException.class);
		assertThatThrownBy(() -> client("therapist.wren").read()
			.resource(org.hl7.fhir.r4.model.Binary.class)
			.withId(this.signed)
			.execute()).isInstanceOf(ResourceNotFoundException.class);
	}

	@Test
	void privateProcessNotesAndDraftsNeverAppearNotEvenToTheirAuthor() {
		IGenericClient author = client("therapist.cove");
		assertThat(this.api.get("/api/v1/notes/" + this.privateNote, tokenFor("therapist.cove")).status())
			.as("the author reads their private note in the chart")
			.isEqualTo(200);
		assertThatThrownBy(() -> author.read().resource(DocumentReference.class).withId(this.privateNote).execute())
			.isInstanceOf(ResourceNotFoundException.class);
		assertThatThrownBy(() -> author.read().resource(DocumentReference.class).withId(this.draft).execute())
			.isInstanceOf(ResourceNotFoundException.class);
		for (String reader : List.of("therapist.cove", "dr.quill", "admin")) {
			Bundle found = search(client(reader), "DocumentReference?patient=" + this.patientId);
			assertThat(ids(found)).as(reader).containsExactly(this.signed);
			assertThat(found.getEntry())
				.extracting((e) -> new String(
						((DocumentReference) e.getResource()).getContentFirstRep().getAttachment().getData(),
						StandardCharsets.UTF_8))
				.as(reader)
				.noneMatch((text) -> text.contains("countertransference") || text.contains("Unfinished draft"));
		}
		Bundle everything = author.search()
			.byUrl("http://localhost:" + this.port + "/fhir/Patient/" + this.patientId + "/$everything")
			.returnBundle(Bundle.class)
			.execute();
		assertThat(everything.getEntry()).extracting((e) -> e.getResource().fhirType())
			.containsExactly("Patient", "CareTeam", "DocumentReference");
		assertThat(ids(everything)).doesNotContain(this.privateNote, this.draft);
		assertThat(FhirValidation.errors(everything)).isEmpty();
	}

	@Test
	void aDisclosureIsTheExactPdfSent() {
		String cove = tokenFor("therapist.cove");
		Response provider = this.api.post("/api/v1/outside-providers", Map.of("name", "Dr. Pat Pretend " + letters(),
				"credentials", "MD", "practice", "Imaginary Psychiatry", "secureContact", "pat@direct.example.test"),
				cove);
		assertThat(provider.status()).as(provider.body()).isEqualTo(201);
		String providerId = provider.json().get("id").asString();
		int version = 0;
		for (var d : this.api.get("/api/v1/consent-documents", cove).json()) {
			if (d.get("code").asString().equals("RELEASE_OF_INFORMATION")) {
				version = d.get("version").asInt();
			}
		}
		Map<String, String> details = new HashMap<>();
		details.put("recipientName", "Dr. Pat Pretend");
		details.put("scope", "outcomes");
		details.put("expiresOn", java.time.LocalDate.now().plusMonths(6).toString());
		details.put("providerId", providerId);
		details.put("content", "OUTCOMES");
		Response release = this.api.post("/api/v1/patients/" + this.patientId + "/consents",
				Map.of("document", "RELEASE_OF_INFORMATION", "version", version, "signerName", "Dora Documently",
						"signerRole", "PATIENT", "details", details),
				cove);
		assertThat(release.status()).as(release.body()).isEqualTo(201);
		Response disclosed = this.api.post("/api/v1/patients/" + this.patientId + "/disclosures",
				Map.of("providerId", providerId, "content", List.of("OUTCOMES")), cove);
		assertThat(disclosed.status()).as(disclosed.body()).isEqualTo(201);
		String disclosureId = disclosed.json().get("id").asString();

		IGenericClient fhir = client("therapist.cove");
		DocumentReference pdf = fhir.read().resource(DocumentReference.class).withId(disclosureId).execute();
		assertThat(pdf.getContentFirstRep().getAttachment().getContentType()).isEqualTo("application/pdf");
		assertThat(new String(pdf.getContentFirstRep().getAttachment().getData(), 0, 5, StandardCharsets.US_ASCII))
			.isEqualTo("%PDF-");
		assertThat(pdf.getDescription()).contains("Dr. Pat Pretend", "Outcome scores");
		assertThat(pdf.getType().getCodingFirstRep().getCode()).isEqualTo("34109-9");
		assertThat(FhirValidation.errors(pdf)).isEmpty();
		assertThat(ids(search(fhir, "DocumentReference?patient=" + this.patientId)))
			.containsExactlyInAnyOrder(this.signed, disclosureId);
		assertThatThrownBy(
				() -> client("therapist.wren").read().resource(DocumentReference.class).withId(disclosureId).execute())
			.isInstanceOf(ResourceNotFoundException.class);
	}

	@Test
	void aTherapistOffTheTeamFindsNothing() {
		IGenericClient outsider = client("therapist.wren");
		assertThatThrownBy(() -> outsider.read().resource(DocumentReference.class).withId(this.signed).execute())
			.isInstanceOf(ResourceNotFoundException.class);
		assertThatThrownBy(() -> search(outsider, "DocumentReference?patient=" + this.patientId))
			.isInstanceOf(ResourceNotFoundException.class);
	}

}
