package org.kapclinic.billing;

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

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;
import org.kapclinic.dosing.DosingSteps;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Billing over the API (issue 20): a discharged esketamine session proposes G2082 and the
 * drug line by mg; billing staff post them, invoice them with the sliding-scale discount,
 * take a payment and refund part of it; the superbill PDF carries the codes, units,
 * diagnoses and NPIs; NPIs with a wrong check digit are refused.
 */
class BillingIT extends IntegrationTest {

	// NPIs starting with 9 are never issued (NPPES issues 1… and 2…): fictional, yet
	// check-digit valid.
	static final String CLINIC_NPI = "9000000015";

	@Test
	void npisWithAWrongCheckDigitAreRefusedWithNothingSaved() {
		String admin = tokenFor("admin");
		Response wrong = this.api.put("/api/v1/clinic/billing", clinic("1234567890"), admin);
		assertThat(wrong.status()).as(wrong.body()).isEqualTo(400);
		assertThat(wrong.body()).contains("npi", "check digit");
		assertThat(this.api.put("/api/v1/clinic/billing", clinic(CLINIC_NPI), tokenFor("billing.bright")).status())
			.as("administrators set the billing provider")
			.isEqualTo(403);
		assertThat(this.api.put("/api/v1/clinic/billing", clinic(CLINIC_NPI), admin).status()).isEqualTo(200);

		String username = "npi.check." + letters().toLowerCase();
		Response refused = this.api.post("/api/v1/users", Map.of("username", username, "password", PASSWORD + "-x!",
				"displayName", "Dr Npi Check (fictional)", "roles", List.of("PRESCRIBER"), "npi", "1234567899"), admin);
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(this.jdbc.sql("select count(*) from identity.app_user where username = ?")
			.param(username)
			.query(Long.class)
			.single()).as("nothing half-saved").isZero();
	}

	@Test
	void aDischargedSessionIsChargedPostedInvoicedPaidAndBilled() throws Exception {
		String admin = tokenFor("admin");
		String billing = tokenFor("billing.bright");
		assertThat(this.api.put("/api/v1/clinic/billing", clinic(CLINIC_NPI), admin).status()).isEqualTo(200);
		Response published = this.api.post("/api/v1/billing/fee-schedules", schedule(), admin);
		assertThat(published.status()).as(published.body()).isEqualTo(201);
		String quill = this.jdbc.sql("select id::text from identity.app_user where username = 'dr.quill'")
			.query(String.class)
			.single();
		long version = this.api.get("/api/v1/users/" + quill, admin).json().get("version").asLong();
		Response npi = this.api.put("/api/v1/users/" + quill, Map.of("displayName", "Dr. Quill", "roles",
				List.of("PRESCRIBER"), "version", version, "npi", "9000000023"), admin);
		assertThat(npi.status()).as(npi.body()).isEqualTo(200);

		DosingSteps steps = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId);
		String session = steps.dischargedEsketamineSession();
		String patient = this.jdbc.sql("select patient_id::text from dosing.session where id = ?::uuid")
			.param(session)
			.query(String.class)
			.single();
		List<JsonNode> charges = await().atMost(Duration.ofSeconds(20))
			.until(() -> list(this.api.get("/api/v1/patients/" + patient + "/charges", billing)), (l) -> l.size() == 2);
		assertThat(charges)
			.extracting(
					(c) -> c.get("code").asString() + " x" + c.get("units").asInt() + " " + c.get("status").asString())
			.containsExactlyInAnyOrder("G2082 x1 PROPOSED", "J0013 x56 PROPOSED");
		assertThat(charges.get(0).get("diagnoses").toString()).contains("F33.2");
		assertThat(this.api.get("/api/v1/patients/" + patient + "/charges", tokenFor("dr.quill")).status())
			.as("clinicians see charges")
			.isEqualTo(200);
		String first = charges.get(0).get("id").asString();
		assertThat(this.api.post("/api/v1/charges/" + first + "/post", Map.of(), tokenFor("dr.quill")).status())
			.as("but do not post them")
			.isEqualTo(403);
		assertThat(this.api.post("/api/v1/charges/" + first + "/void", Map.of(), billing).status()).isEqualTo(400);
		long subtotal = 0;
		for (JsonNode charge : charges) {
			Response posted = this.api.post("/api/v1/charges/" + charge.get("id").asString() + "/post", Map.of(),
					billing);
			assertThat(posted.status()).as(posted.body()).isEqualTo(200);
			assertThat(posted.json().get("amountMinor").asLong())
				.isEqualTo(charge.get("units").asLong() * price(charge.get("code").asString()));
			subtotal += posted.json().get("amountMinor").asLong();
		}

		// A household of 3 on $30,000 is 112 % of the 2026 guideline (or the latest
		// published): tier B of the defaults, 50 % off.
		Response scale = this.api.post("/api/v1/patients/" + patient + "/sliding-scale",
				Map.of("householdSize", 3, "annualIncomeMinor", 3_000_000, "evidence", "2025 tax return (seen)"),
				billing);
		assertThat(scale.status()).as(scale.body()).isEqualTo(201);
		int discount = scale.json().get("discountPercent").asInt();
		LocalDate today = LocalDate.now();
		Response invoice = this.api.post("/api/v1/patients/" + patient + "/invoices",
				Map.of("from", today.minusDays(2).toString(), "to", today.plusDays(1).toString()), billing);
		assertThat(invoice.status()).as(invoice.body()).isEqualTo(201);
		long total = invoice.json().get("totalMinor").asLong();
		assertThat(invoice.json().get("subtotalMinor").asLong()).isEqualTo(subtotal);
		assertThat(total).isEqualTo(subtotal - (subtotal * discount + 50) / 100);
		String invoiceId = invoice.json().get("id").asString();

		Response over = this.api.post("/api/v1/payments", payment(invoiceId, total + 1), billing);
		assertThat(over.status()).as("never more than the balance").isEqualTo(422);
		Response paid = this.api.post("/api/v1/payments", payment(invoiceId, total), billing);
		assertThat(paid.status()).as(paid.body()).isEqualTo(201);
		Response refund = this.api.post("/api/v1/payments/" + paid.json().get("id").asString() + "/refund",
				Map.of("amountMinor", 500, "reason", "Parking voucher returned (fictional)"), billing);
		assertThat(refund.status()).as(refund.body()).isEqualTo(201);
		JsonNode statement = this.api.get("/api/v1/invoices/" + invoiceId, billing).json();
		assertThat(statement.get("paidMinor").asLong()).isEqualTo(total - 500);
		assertThat(statement.get("balanceMinor").asLong()).isEqualTo(500);
		assertThat(this.api.get("/api/v1/billing/aging", billing).body()).contains(patient);
		assertThat(this.api.post("/api/v1/invoices/" + invoiceId + "/void", Map.of("reason", "x"), billing).status())
			.as("money is still paid on it")
			.isEqualTo(422);

		byte[] pdf = download(
				"/api/v1/patients/" + patient + "/superbill?from=" + today.minusDays(2) + "&to=" + today.plusDays(1),
				billing);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			assertThat(text).contains("G2082", "J0013", "56", "F33.2", CLINIC_NPI, "9000000023", "12-3456789",
					"Fictional Ketamine Clinic");
		}
	}

	@Test
	void anAwardPaysItsPatientsInvoiceAndNeverMoreThanIsLeftOfIt() {
		String billing = tokenFor("billing.bright");
		assertThat(this.api.post("/api/v1/billing/fee-schedules", schedule(), tokenFor("admin")).status())
			.isEqualTo(201);
		String session = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId)
			.dischargedEsketamineSession();
		String patient = this.jdbc.sql("select patient_id::text from dosing.session where id = ?::uuid")
			.param(session)
			.query(String.class)
			.single();
		LocalDate today = LocalDate.now();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> list(this.api.get("/api/v1/patients/" + patient + "/charges", billing)).size() == 2);
		Response posted = this.api.post("/api/v1/billing/charges/post",
				Map.of("from", today.minusDays(2).toString(), "to", today.plusDays(1).toString()), billing);
		assertThat(posted.json().get("posted").asInt()).as(posted.body()).isGreaterThanOrEqualTo(2);
		Response invoice = this.api.post("/api/v1/patients/" + patient + "/invoices",
				Map.of("from", today.minusDays(2).toString(), "to", today.plusDays(1).toString()), billing);
		assertThat(invoice.status()).as(invoice.body()).isEqualTo(201);
		String invoiceId = invoice.json().get("id").asString();

		Map<String, Object> donation = new HashMap<>();
		donation.put("donorName", "Wendeline Largesse (fictional)");
		donation.put("anonymous", false);
		donation.put("amountMinor", 100_000);
		donation.put("currency", "USD");
		donation.put("restriction", "UNRESTRICTED");
		donation.put("receivedOn", today.minusDays(1).toString());
		donation.put("method", "TRANSFER");
		assertThat(this.api.post("/api/v1/fund/donations", donation, billing).status()).isEqualTo(201);
		Response applied = this.api.post("/api/v1/fund/applications", Map.of("patientId", patient, "householdSize", 2,
				"annualIncomeMinor", 1_800_000, "currency", "USD", "needStatement", "Self-pay (fictional)."),
				tokenFor("desk.dale"));
		assertThat(applied.status()).as(applied.body()).isEqualTo(201);
		Response awarded = this.api
			.post("/api/v1/fund/applications/" + applied.json().get("id").asString() + "/decision", Map.of("decision",
					"AWARDED", "amountMinor", 30_000, "restriction", "UNRESTRICTED", "reason", "Below the guideline"),
					tokenFor("fund.finch"));
		assertThat(awarded.status()).as(awarded.body()).isEqualTo(200);
		JsonNode awards = this.api.get("/api/v1/fund/awards?patientId=" + patient, billing).json();
		assertThat(awards.size()).isEqualTo(1);
		String award = awards.get(0).get("awardId").asString();
		assertThat(this.api.get("/api/v1/fund/awards?patientId=" + patient, tokenFor("dr.quill")).status())
			.as("blinded: clinicians never see awards")
			.isEqualTo(403);

		Response tooMuch = this.api.post("/api/v1/payments",
				Map.of("invoiceId", invoiceId, "amountMinor", 30_001, "method", "FUND_AWARD", "fundAwardId", award),
				billing);
		assertThat(tooMuch.status()).isEqualTo(409);
		assertThat(tooMuch.body()).contains("INSUFFICIENT_AWARD", "$300.00");
		Response fromFund = this.api.post("/api/v1/payments",
				Map.of("invoiceId", invoiceId, "amountMinor", 30_000, "method", "FUND_AWARD", "fundAwardId", award),
				billing);
		assertThat(fromFund.status()).as(fromFund.body()).isEqualTo(201);
		assertThat(this.api.get("/api/v1/fund/awards?patientId=" + patient, billing).json().size())
			.as("nothing left of it")
			.isZero();
		assertThat(this.api.get("/api/v1/invoices/" + invoiceId, billing).json().get("paidMinor").asLong())
			.isEqualTo(30_000);
		assertThat(this.jdbc
			.sql("select count(*) from (select txn_id from fund.ledger_entry group by txn_id "
					+ "having sum(amount_minor) <> 0) unbalanced")
			.query(Long.class)
			.single()).as("every ledger transaction, draws included, sums to zero").isZero();
		Response refund = this.api.post("/api/v1/payments/" + fromFund.json().get("id").asString() + "/refund",
				Map.of("amountMinor", 100, "reason", "test"), billing);
		assertThat(refund.status()).as("fund money is not refunded to the patient").isEqualTo(422);
	}

	@Test
	void billingStaffAddAChargeByHandPricedByTheScheduleInForce() {
		String billing = tokenFor("billing.bright");
		assertThat(this.api.post("/api/v1/billing/fee-schedules", schedule(), tokenFor("admin")).status())
			.isEqualTo(201);
		String patient = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId)
			.fixtures()
			.inCourse("KAP", 70, "KAP_IN_SESSION")
			.patientId();
		LocalDate today = LocalDate.now();
		Response added = this.api.post("/api/v1/patients/" + patient + "/charges", Map.of("code", "90837",
				"serviceDate", today.toString(), "units", 2, "reason", "Two integration hours (fictional)"), billing);
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		assertThat(added.json().get("status").asString()).isEqualTo("POSTED");
		assertThat(added.json().get("amountMinor").asLong()).isEqualTo(2 * 18_000);
		Response refused = this.api.post("/api/v1/patients/" + patient + "/charges",
				Map.of("code", "99999", "serviceDate", today.plusDays(1).toString(), "units", 0, "reason", ""),
				billing);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("serviceDate", "units", "reason");
		this.jdbc.sql("update identity.app_user set npi = null where username = 'therapist.cove'").update();
		this.jdbc.sql("update identity.app_user set npi = '9000000023' where username = 'dr.quill'").update();
		Response noNpi = this.api.post("/api/v1/patients/" + patient + "/charges",
				Map.of("code", "90837", "serviceDate", today.toString(), "units", 1, "reason",
						"Integration (fictional)", "renderingClinicianId", userId("therapist.cove").toString()),
				billing);
		assertThat(noNpi.status()).as("the rendering clinician needs an NPI").isEqualTo(400);
		assertThat(noNpi.body()).contains("renderingClinicianId");
		Response rendered = this.api.post("/api/v1/patients/" + patient + "/charges",
				Map.of("code", "90837", "serviceDate", today.toString(), "units", 1, "reason",
						"Integration (fictional)", "renderingClinicianId", userId("dr.quill").toString()),
				billing);
		assertThat(rendered.status()).as(rendered.body()).isEqualTo(201);
		assertThat(rendered.json().get("renderingClinician").asString()).isEqualTo(userId("dr.quill").toString());

		Map<String, String> period = Map.of("from", today.toString(), "to", today.toString());
		Response invoiced = this.api.post("/api/v1/patients/" + patient + "/invoices", period, billing);
		assertThat(invoiced.status()).as(invoiced.body()).isEqualTo(201);
		String invoiceId = invoiced.json().get("id").asString();
		assertThat(this.api
			.post("/api/v1/invoices/" + invoiceId + "/void", Map.of("reason", "Wrong period (test)"), billing)
			.status()).isEqualTo(200);
		JsonNode voided = this.api.get("/api/v1/invoices/" + invoiceId, billing).json();
		assertThat(voided.get("voided").asBoolean()).isTrue();
		assertThat(voided.get("lines").size()).as("a voided invoice still shows what it billed").isEqualTo(2);
		Response again = this.api.post("/api/v1/patients/" + patient + "/invoices", period, billing);
		assertThat(again.status()).as("its charges are free for the next invoice").isEqualTo(201);
		assertThat(again.json().get("lines").size()).isEqualTo(2);
		assertThat(this.api
			.post("/api/v1/patients/" + patient + "/charges",
					Map.of("code", "90837", "serviceDate", today.toString(), "units", 1, "reason", "x"),
					tokenFor("dr.quill"))
			.status()).as("clinicians do not add charges").isEqualTo(403);
	}

	private static List<JsonNode> list(Response response) {
		List<JsonNode> nodes = new ArrayList<>();
		response.json().forEach(nodes::add);
		return nodes;
	}

	private static long price(String code) {
		return switch (code) {
			case "G2082" -> 45_000;
			case "G2083" -> 52_000;
			case "J0013" -> 1_575;
			default -> 0;
		};
	}

	static Map<String, Object> clinic(String npi) {
		return Map.of("name", "Fictional Ketamine Clinic", "address", "1 Imaginary Way, Nowhere, CO 80000", "npi", npi,
				"tin", "12-3456789");
	}

	static Map<String, Object> schedule() {
		List<Map<String, Object>> lines = List.of(
				line("HCPCS", "G2082", "Esketamine visit, up to 56 mg", 45_000, "PER_SERVICE", "DOSING:IN", null, 56),
				line("HCPCS", "G2083", "Esketamine visit, over 56 mg", 52_000, "PER_SERVICE", "DOSING:IN", 56, null),
				line("HCPCS", "J0013", "Esketamine nasal spray, per mg", 1_575, "PER_MG", "DOSING:IN", null, null),
				line("CPT", "96365", "IV infusion, first hour", 30_000, "INFUSION_FIRST_HOUR", "DOSING:IV", null, null),
				line("CPT", "96366", "IV infusion, each added hour", 12_000, "INFUSION_ADDITIONAL_HOUR", "DOSING:IV",
						null, null),
				line("HCPCS", "J3490", "Ketamine (drug)", 4_000, "PER_SERVICE", "DOSING:IV", null, null),
				line("CPT", "90837", "Integration psychotherapy, 60 min", 18_000, "PER_SERVICE",
						"APPOINTMENT:INTEGRATION", null, null));
		return Map.of("effectiveFrom", LocalDate.now().minusDays(1).toString(), "currency", "USD", "note",
				"Test schedule (fictional prices)", "lines", lines);
	}

	private static Map<String, Object> line(String system, String code, String description, long price, String rule,
			String service, Integer overMg, Integer upToMg) {
		Map<String, Object> line = new HashMap<>();
		line.put("codeSystem", system);
		line.put("code", code);
		line.put("description", description);
		line.put("priceMinor", price);
		line.put("unitsRule", rule);
		line.put("appliesTo", List.of(service));
		line.put("overMg", overMg);
		line.put("upToMg", upToMg);
		return line;
	}

	private static Map<String, Object> payment(String invoiceId, long amount) {
		return Map.of("invoiceId", invoiceId, "amountMinor", amount, "method", "CASH", "reference", "till 1");
	}

	private byte[] download(String path, String token) throws Exception {
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.header("Authorization", "Bearer " + token)
				.GET()
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		return response.body();
	}

}
