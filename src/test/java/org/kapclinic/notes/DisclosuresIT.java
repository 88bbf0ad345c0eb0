package org.kapclinic.notes;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Sharing with outside providers only under a covering release, and its accounting. */
class DisclosuresIT extends IntegrationTest {

	private static final String XSS = "<script>alert('pwned')</script><img src=x onerror=alert(1)>";

	private String cove;

	private String patient;

	private String provider;

	@BeforeEach
	void setUp() {
		String prescriber = tokenFor("dr.quill");
		this.cove = tokenFor("therapist.cove");
		this.patient = new NotesFixtures(this.api, prescriber).patient("Discloser", List.of(userId("therapist.cove")));
		Response created = this.api.post("/api/v1/outside-providers",
				Map.of("name", "Dr. Ima Fictional " + UUID.randomUUID().toString().substring(0, 4), "credentials",
						"PhD, LMFT", "practice", "Make-Believe Counseling", "secureContact", "ima@direct.example.test"),
				this.cove);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		this.provider = created.json().get("id").asString();
	}

	@Test
	void refusedWithoutConsentAllowedWithItAndLogged() throws Exception {
		Map<String, Object> request = Map.of("providerId", this.provider, "content",
				List.of("OUTCOMES", "INTEGRATION_THEMES"), "themes", "Reconnecting with nature. " + XSS);
		Response refused = disclose(request);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("NO_COVERING_RELEASE");
		assertThat(this.jdbc
			.sql("""
					select count(*) from audit.entry where patient_id = ?::uuid and action = 'EXPORT' and outcome = 'DENIED'""")
			.param(this.patient)
			.query(Long.class)
			.single()).isEqualTo(1);

		String consent = release(Map.of("providerId", this.provider, "content", "OUTCOMES,INTEGRATION_THEMES"),
				LocalDate.now().plusMonths(6));
		assertThat(disclose(Map.of("providerId", this.provider, "content", List.of("OUTCOMES", "DOSES"))).status())
			.as("DOSES not covered")
			.isEqualTo(422);

		Response shared = disclose(request);
		assertThat(shared.status()).as(shared.body()).isEqualTo(201);
		assertThat(shared.json().get("consentId").asString()).isEqualTo(consent);
		String pdfPath = shared.json().get("pdf").asString();
		assertThat(shared.location()).isEqualTo(pdfPath);

		java.net.http.HttpResponse<String> report = org.kapclinic.BrowserSession.signIn(this.port, "admin", PASSWORD)
			.get("/admin/disclosures");
		assertThat(report.body()).as("the clinic's accounting of disclosures (ONC 170.315(d)(11))")
			.contains(pdfPath, "Make-Believe Counseling");
		assertThat(this.api.get("/api/v1/disclosures", tokenFor("admin")).body()).contains(pdfPath);
		assertThat(this.api.get("/api/v1/disclosures", this.cove).status()).as("administrators only").isEqualTo(403);

		byte[] pdf = download(pdfPath, this.cove);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text.replaceAll("\\s+", " ")).as("the script is literal text")
				.contains("<script>alert('pwned')</script>", "Reconnecting with nature", "Make-Believe Counseling");
			assertThat(document.getDocumentCatalog().getOpenAction()).isNull();
			assertThat(document.getDocumentCatalog().getNames() == null
					|| document.getDocumentCatalog().getNames().getJavaScript() == null)
				.as("no document JavaScript")
				.isTrue();
			for (PDPage page : document.getPages()) {
				for (PDAnnotation annotation : page.getAnnotations()) {
					assertThat(annotation.getCOSObject().toString()).doesNotContainIgnoringCase("javascript");
				}
			}
		}

		Response accounting = this.api.get("/api/v1/patients/" + this.patient + "/disclosures", this.cove);
		assertThat(accounting.json()).hasSize(1);
		assertThat(accounting.json().get(0).get("providerId").asString()).isEqualTo(this.provider);
		assertThat(accounting.json().get(0).get("consentId").asString()).isEqualTo(consent);
		assertThat(accounting.json().get(0).get("content").toString()).contains("OUTCOMES", "INTEGRATION_THEMES");
		assertThat(accounting.json().get(0).get("disclosedAt").isNull()).isFalse();

		assertThat(this.api
			.post("/api/v1/consents/" + consent + "/withdraw", Map.of("reason", "patient revoked"), this.cove)
			.status()).isEqualTo(200);
		assertThat(disclose(request).status()).as("withdrawn").isEqualTo(422);
		assertThat(this.api.get("/api/v1/patients/" + this.patient + "/disclosures", this.cove).json()).hasSize(1);
	}

	@Test
	void anExpiredReleaseOrOneForSomeoneElseDoesNotCover() {
		release(Map.of("providerId", this.provider, "content", "COURSE_STATUS"), LocalDate.now().minusDays(1));
		release(Map.of("providerId", UUID.randomUUID().toString(), "content", "COURSE_STATUS"),
				LocalDate.now().plusDays(30));
		assertThat(disclose(Map.of("providerId", this.provider, "content", List.of("COURSE_STATUS"))).status())
			.isEqualTo(422);
	}

	@Test
	void aReleaseNamingTheProviderCoversWithoutTheirId() throws Exception {
		Response course = this.api.post("/api/v1/patients/" + this.patient + "/courses", Map.of("templateCode",
				"KAP_IN_SESSION", "therapistId", userId("therapist.cove").toString(), "goals", "Steadier mornings"),
				tokenFor("dr.quill"));
		assertThat(course.status()).as(course.body()).isEqualTo(201);
		String name = this.api.get("/api/v1/outside-providers", this.cove)
			.json()
			.valueStream()
			.filter((p) -> p.get("id").asString().equals(this.provider))
			.findFirst()
			.orElseThrow()
			.get("name")
			.asString();
		release(Map.of("recipientName", name, "content", "COURSE_STATUS,DOSES"), LocalDate.now().plusDays(30));
		Response shared = disclose(Map.of("providerId", this.provider, "content", List.of("COURSE_STATUS", "DOSES")));
		assertThat(shared.status()).as(shared.body()).isEqualTo(201);

		try (PDDocument document = Loader.loadPDF(download(shared.json().get("pdf").asString(), this.cove))) {
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			assertThat(text).as("the outside provider reads the course in words")
				.contains("Ketamine-assisted psychotherapy, therapist in session", "Planned", "Steadier mornings")
				.doesNotContain("KAP_IN_SESSION", "PLANNED");
		}
	}

	@Test
	void psychotherapyNotesAndUnknownContentAreNeverDisclosedAndFrontDeskNeverDiscloses() {
		assertThat(disclose(Map.of("providerId", this.provider, "content", List.of("PSYCHOTHERAPY_NOTES"))).status())
			.isEqualTo(400);
		Response consent = this.api.post("/api/v1/patients/" + this.patient + "/consents",
				Map.of("document", "RELEASE_OF_INFORMATION", "version", 1, "signerName", "Notey Discloser",
						"signerRole", "PATIENT", "details", Map.of("recipientName", "x", "scope", "all", "expiresOn",
								"2030-01-01", "content", "PSYCHOTHERAPY_NOTES")),
				this.cove);
		assertThat(consent.status()).isEqualTo(400);
		assertThat(consent.body()).contains("details.content");
		assertThat(this.api
			.post("/api/v1/patients/" + this.patient + "/disclosures",
					Map.of("providerId", this.provider, "content", List.of("COURSE_STATUS")), tokenFor("desk.dale"))
			.status()).isEqualTo(403);
	}

	private Response disclose(Map<String, Object> request) {
		return this.api.post("/api/v1/patients/" + this.patient + "/disclosures", request, this.cove);
	}

	private String release(Map<String, String> extra, LocalDate expiresOn) {
		Map<String, String> details = new java.util.HashMap<>(extra);
		details.putIfAbsent("recipientName", "Dr. Ima Fictional");
		details.put("scope", "summary of ketamine treatment");
		details.put("expiresOn", expiresOn.toString());
		Response signed = this.api.post(
				"/api/v1/patients/" + this.patient + "/consents", Map.of("document", "RELEASE_OF_INFORMATION",
						"version", 1, "signerName", "Notey Discloser", "signerRole", "PATIENT", "details", details),
				this.cove);
		assertThat(signed.status()).as(signed.body()).isEqualTo(201);
		return signed.json().get("id").asString();
	}

	private byte[] download(String path, String token) throws Exception {
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.header("Authorization", "Bearer " + token)
				.GET()
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		return response.body();
	}

}
