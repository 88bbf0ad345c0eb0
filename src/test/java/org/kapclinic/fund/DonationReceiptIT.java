package org.kapclinic.fund;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each received donation has a receipt PDF (issue 20): its number, the donor's own name
 * (even when anonymous in reports), the amount, what it was for and the clinic's
 * acknowledgement; fund staff download it, clinicians cannot, and the receipt e-mail
 * carries it.
 */
class DonationReceiptIT extends IntegrationTest {

	@Test
	void aDonationsReceiptIsAPdfWithItsNumberAmountAndAcknowledgement() throws Exception {
		String billing = tokenFor("billing.bright");
		Map<String, Object> donation = new HashMap<>();
		donation.put("donorName", "Cosimo Quietgift (fictional)");
		donation.put("anonymous", true);
		donation.put("email", "cosimo.quietgift@example.org");
		donation.put("amountMinor", 12_345);
		donation.put("currency", "USD");
		donation.put("restriction", "PROGRAM:KAP");
		donation.put("receivedOn", LocalDate.now().minusDays(1).toString());
		donation.put("method", "CHECK");
		Response recorded = this.api.post("/api/v1/fund/donations", donation, billing);
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
		String id = recorded.json().get("id").asString();
		long number = recorded.json().get("receiptNumber").asLong();

		HttpResponse<byte[]> pdf = get("/api/v1/fund/donations/" + id + "/receipt", billing);
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			assertThat(text).contains("Donation receipt no. " + number, "Cosimo Quietgift (fictional)", "$123.45",
					"Cheque", "Program: Ketamine-assisted psychotherapy",
					"No goods or services were provided in exchange for this contribution.");
		}
		assertThat(get("/api/v1/fund/donations/" + id + "/receipt", tokenFor("dr.quill")).statusCode())
			.as("clinicians never see the fund")
			.isEqualTo(403);
		assertThat(awaitMailTo("cosimo.quietgift@example.org").subject())
			.isEqualTo("Your donation receipt no. " + number);
	}

	private HttpResponse<byte[]> get(String path, String token) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.header("Authorization", "Bearer " + token)
				.GET()
				.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

}
