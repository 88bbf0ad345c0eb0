package org.kapclinic.portal;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.kapclinic.ApiClient.Response;
import org.kapclinic.BrowserSession;
import org.kapclinic.IntegrationTest;
import org.kapclinic.dosing.DosingSteps;
import org.kapclinic.identity.Passwords;
import org.kapclinic.identity.mfa.OneTimeCodes;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The patient's invoices and superbill in the portal (issue 21 with issue 20): billing
 * invoices a discharged esketamine session; the patient sees the invoice and downloads
 * the superbill with its codes, through the same rule billing staff pass
 * ({@code @selfAccess}).
 */
class PortalBillingIT extends IntegrationTest {

	@Autowired
	private Passwords passwords;

	@Autowired
	private OneTimeCodes codes;

	@Test
	void thePatientSeesTheirInvoiceAndDownloadsItsSuperbill() throws Exception {
		String billing = tokenFor("billing.bright");
		assertThat(this.api
			.post("/api/v1/billing/fee-schedules", org.kapclinic.billing.BillingTestData.schedule(), tokenFor("admin"))
			.status()).isEqualTo(201);
		assertThat(this.api
			.put("/api/v1/clinic/billing", Map.of("name", "Fictional Ketamine Clinic", "address",
					"1 Imaginary Way, Nowhere, CO 80000", "npi", "9000000015", "tin", "12-3456789"), tokenFor("admin"))
			.status()).isEqualTo(200);
		String session = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId)
			.dischargedEsketamineSession();
		String patient = this.jdbc.sql("select patient_id::text from dosing.session where id = ?::uuid")
			.param(session)
			.query(String.class)
			.single();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.api.get("/api/v1/patients/" + patient + "/charges", billing).json().size() == 2);
		LocalDate today = LocalDate.now();
		Map<String, String> period = Map.of("from", today.minusDays(2).toString(), "to", today.plusDays(1).toString());
		assertThat(this.api.post("/api/v1/billing/charges/post", period, billing).status()).isEqualTo(200);
		Response invoice = this.api.post("/api/v1/patients/" + patient + "/invoices", period, billing);
		assertThat(invoice.status()).as(invoice.body()).isEqualTo(201);

		BrowserSession portal = new PortalFixtures(this.jdbc, this.passwords, this.codes, this.port).signedIn(patient,
				userId("desk.dale"));
		HttpResponse<String> page = portal.get("/portal/billing");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Invoice " + invoice.json().get("number").asLong(), "Superbill (PDF)");
		HttpResponse<String> asText = portal
			.get("/portal/billing/superbill.pdf?from=" + period.get("from") + "&to=" + period.get("to"));
		assertThat(asText.statusCode()).as(asText.body()).isEqualTo(200);
		byte[] pdf = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/portal/billing/superbill.pdf?from="
						+ period.get("from") + "&to=" + period.get("to")))
				.header("Cookie", "KAP_PORTAL=" + portal.cookie("KAP_PORTAL"))
				.GET()
				.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray())
			.body();
		try (var document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document)).contains("G2082", "9000000015");
		}
	}

}
