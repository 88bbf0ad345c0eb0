package org.kapclinic.ledger;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.BrowserSession;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger pages: who sees them, and the forms doing what the API does. */
class LedgerPagesIT extends IntegrationTest {

	private static final String PAGE = "/controlled-substances";

	@Test
	void nursesSeeTheDemoStockAndFrontDeskAndTherapistsDoNot() {
		HttpResponse<String> page = BrowserSession.signIn(this.port, "nurse.bell", PASSWORD).get(PAGE);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("DEMO-K50-A1", "DEMO-ESK-C3", "Record waste (witnessed)",
				"Controlled substances");
		assertThat(page.body()).as("the 10 mg/mL demo lot expires within 60 days").contains("id=\"expiring\"");
		for (String user : new String[] { "desk.dale", "therapist.wren" }) {
			HttpResponse<String> refused = BrowserSession.signIn(this.port, user, PASSWORD).get(PAGE);
			assertThat(refused.statusCode()).isEqualTo(403);
			assertThat(refused.body()).doesNotContain("DEMO-K50-A1");
		}
	}

	@Test
	void receiptWasteAndCountThroughTheFormsAndAnAdminResolvesTheDiscrepancy() {
		BrowserSession nurse = BrowserSession.signIn(this.port, "nurse.fern", PASSWORD);
		String lotNumber = "PAGE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		HttpResponse<String> received = nurse.post(PAGE, PAGE + "/receipts",
				Map.of("product", "KETAMINE", "ndc", "99999-050-10", "lot", lotNumber, "expiry",
						LocalDate.now().plusMonths(3).toString(), "quantityMg", "500", "concentrationMgPerMl", "50"));
		assertThat(received.statusCode()).isEqualTo(302);
		assertThat(nurse.get(PAGE).body()).contains("Received 500 mg into lot " + lotNumber, lotNumber);
		UUID lot = this.jdbc.sql("select id from ledger.lot where lot_number = ?")
			.param(lotNumber)
			.query(UUID.class)
			.single();

		nurse.post(PAGE, PAGE + "/waste", Map.of("lotId", lot.toString(), "quantityMg", "25", "reason",
				"drawn up, not given", "witnessUsername", "nurse.fern", "witnessPassword", PASSWORD));
		assertThat(nurse.get(PAGE).body()).contains("The witness must be someone other than you.");
		nurse.post(PAGE, PAGE + "/waste", Map.of("lotId", lot.toString(), "quantityMg", "25", "reason",
				"drawn up, not given", "witnessUsername", "dr.quill", "witnessPassword", PASSWORD));
		assertThat(nurse.get(PAGE).body()).contains("witnessed by dr.quill; balance 475 mg");

		nurse.post(PAGE, PAGE + "/counts", Map.of("lotId", lot.toString(), "countedMg", "450"));
		String afterCount = nurse.get(PAGE).body();
		assertThat(afterCount).contains("flagged for an administrator", "id=\"discrepancies\"",
				"An administrator resolves it.");

		HttpResponse<String> lotPage = nurse.get(PAGE + "/lots/" + lot);
		assertThat(lotPage.statusCode()).isEqualTo(200);
		assertThat(lotPage.body()).contains("Received", "Wasted (witnessed)", "drawn up, not given", "475 mg");

		BrowserSession admin = BrowserSession.signIn(this.port, "admin", PASSWORD);
		UUID discrepancy = this.jdbc.sql("select id from ledger.discrepancy where lot_id = ?")
			.param(lot)
			.query(UUID.class)
			.single();
		assertThat(admin.get(PAGE).body()).contains("/discrepancies/" + discrepancy + "/resolve");
		admin.post(PAGE, PAGE + "/discrepancies/" + discrepancy + "/resolve",
				Map.of("reason", "25 mg unaccounted; reported", "adjustBalance", "true"));
		assertThat(admin.get(PAGE).body()).contains("resolved with an adjustment of -25 mg");
		assertThat(nurse.get(PAGE + "/lots/" + lot).body()).contains("Count adjustment", "450 mg");

		HttpResponse<String> inventory = nurse.get(PAGE + "/inventory?date=" + LocalDate.now());
		assertThat(inventory.statusCode()).isEqualTo(200);
		assertThat(inventory.body()).contains("Controlled-substance inventory", lotNumber);
	}

}
