package org.kapclinic.fund;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;
import org.kapclinic.dosing.DosingSteps;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access fund over the API (issue 20): a donation credits its restriction and queues
 * a receipt; the fund never goes negative — of 20 parallel awards that together exceed
 * the balance, exactly those that fit succeed and the rest get 409 INSUFFICIENT_FUNDS; a
 * restriction pays only for patients it fits; every ledger transaction sums to zero and
 * the balance is the ledger's; clinicians are refused every fund path.
 */
class AccessFundIT extends IntegrationTest {

	@Test
	void aDonationCreditsItsRestrictionAndQueuesTheReceipt() {
		String billing = tokenFor("billing.bright");
		long before = balance("UNRESTRICTED");
		// Unique per run: the suite may run again on a database kept from an earlier run.
		String email = "ivy.ledgerwood+" + System.nanoTime() + "@example.org";
		Response donated = this.api.post("/api/v1/fund/donations",
				donation("Ivy Ledgerwood (fictional)", 25_000, "UNRESTRICTED", email), billing);
		assertThat(donated.status()).as(donated.body()).isEqualTo(201);
		assertThat(donated.json().get("amount").asString()).isEqualTo("$250.00");
		assertThat(donated.json().get("receiptNumber").asLong()).isPositive();
		assertThat(balance("UNRESTRICTED")).isEqualTo(before + 25_000);
		assertThat(this.jdbc.sql("select subject from notification.outbox_message where recipient = ?")
			.param(email)
			.query(String.class)
			.list()).containsExactly("Your donation receipt no. " + donated.json().get("receiptNumber").asLong());

		Map<String, Object> bad = new HashMap<>(donation("", -5, "CONDITION:flu", null));
		bad.put("method", "BITCOIN");
		bad.put("currency", "EUR");
		Response refused = this.api.post("/api/v1/fund/donations", bad, billing);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("donorName", "amountMinor", "restriction", "method", "currency");
		assertThat(
				this.api.post("/api/v1/fund/donations", donation("A", 100, "UNRESTRICTED", null), tokenFor("dr.quill"))
					.status())
			.as("clinicians never touch the fund")
			.isEqualTo(403);
		assertLedgerBalances();
	}

	@Test
	void ofTwentyParallelAwardsExactlyThoseThatFitSucceed() throws Exception {
		String committee = tokenFor("fund.finch");
		String patient = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId)
			.fixtures()
			.inCourse("KAP", 70, "KAP_IN_SESSION")
			.patientId();
		// Whatever other tests left in the fund: make it hold exactly 7 awards and 50
		// cents.
		long award = balance("UNRESTRICTED") + 10_000;
		long donate = 7 * award + 50 - balance("UNRESTRICTED");
		assertThat(this.api
			.post("/api/v1/fund/donations", donation("Orrin Coinsworth (fictional)", donate, "UNRESTRICTED", null),
					tokenFor("billing.bright"))
			.status()).isEqualTo(201);
		List<String> applications = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			Response applied = this.api.post("/api/v1/fund/applications", application(patient, 3, 3_000_000),
					tokenFor("desk.dale"));
			assertThat(applied.status()).as(applied.body()).isEqualTo(201);
			applications.add(applied.json().get("id").asString());
		}
		ExecutorService pool = Executors.newFixedThreadPool(20);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Response>> decisions = new ArrayList<>();
		for (String id : applications) {
			decisions.add(pool.submit(() -> {
				start.await();
				return this.api.post("/api/v1/fund/applications/" + id + "/decision", Map.of("decision", "AWARDED",
						"amountMinor", award, "restriction", "UNRESTRICTED", "reason", "Meets the criteria"),
						committee);
			}));
		}
		start.countDown();
		int awarded = 0;
		int refused = 0;
		for (Future<Response> decision : decisions) {
			Response response = decision.get();
			if (response.status() == 200) {
				awarded++;
			}
			else {
				assertThat(response.status()).as(response.body()).isEqualTo(409);
				assertThat(response.json().get("code").asString()).isEqualTo("INSUFFICIENT_FUNDS");
				refused++;
			}
		}
		pool.shutdown();
		assertThat(awarded).isEqualTo(7);
		assertThat(refused).isEqualTo(13);
		assertThat(balance("UNRESTRICTED")).isEqualTo(50);
		assertThat(
				this.jdbc.sql("select count(*) from fund.application where id = any(?::uuid[]) and status = 'PENDING'")
					.param(applications.toArray(String[]::new))
					.query(Integer.class)
					.single())
			.as("a refused award decides nothing")
			.isEqualTo(13);
		assertLedgerBalances();
	}

	@Test
	void aRestrictionPaysOnlyForPatientsItFitsAndTheApplicationHasItsPovertyPercent() {
		String patient = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId)
			.fixtures()
			.inCourse("KAP", 70, "KAP_IN_SESSION")
			.patientId();
		JsonNode impactBefore = this.api.get("/api/v1/fund/impact", tokenFor("billing.bright")).json();
		this.api.post("/api/v1/fund/donations",
				donation("Pell Mintwhistle (fictional)", 50_000, "PROGRAM:ESKETAMINE", null),
				tokenFor("billing.bright"));
		this.api.post("/api/v1/fund/donations", donation("Pell Mintwhistle (fictional)", 50_000, "PROGRAM:KAP", null),
				tokenFor("billing.bright"));
		// 2026, 48 states: 15,960 + 2 × 5,680 = 27,320 for three people; 27,319.99 is 99
		// %.
		Response applied = this.api.post("/api/v1/fund/applications", application(patient, 3, 2_731_999),
				tokenFor("desk.dale"));
		assertThat(applied.status()).as(applied.body()).isEqualTo(201);
		assertThat(applied.json().get("povertyPercent").asInt()).isEqualTo(99);
		assertThat(applied.json().get("guidelineMinor").asLong()).isEqualTo(2_732_000);
		String decision = "/api/v1/fund/applications/" + applied.json().get("id").asString() + "/decision";
		Response mismatch = this.api.post(decision, Map.of("decision", "AWARDED", "amountMinor", 10_000, "restriction",
				"PROGRAM:ESKETAMINE", "reason", "Helps"), tokenFor("fund.finch"));
		assertThat(mismatch.status()).as(mismatch.body()).isEqualTo(422);
		assertThat(mismatch.body()).contains("RESTRICTION_DOES_NOT_FIT");
		Response fits = this.api.post(decision, Map.of("decision", "AWARDED", "amountMinor", 10_000, "restriction",
				"PROGRAM:KAP", "reason", "In the KAP program"), tokenFor("fund.finch"));
		assertThat(fits.status()).as(fits.body()).isEqualTo(200);
		assertThat(fits.json().get("statusLabel").asString()).isEqualTo("Awarded");
		JsonNode impact = this.api.get("/api/v1/fund/impact", tokenFor("billing.bright")).json();
		assertThat(impact.get("receivedMinor").asLong() - impactBefore.get("receivedMinor").asLong())
			.as("this year's donations: two of 500.00")
			.isEqualTo(100_000);
		assertThat(impact.get("awardedMinor").asLong() - impactBefore.get("awardedMinor").asLong()).isEqualTo(10_000);
		JsonNode helped = impact.get("patientsHelped");
		assertThat(helped.isObject() || helped.asInt() >= 11).as("fewer than 11 patients helped is not shown").isTrue();
		assertThat(this.api.get("/api/v1/fund/impact", tokenFor("nurse.bell")).status()).isEqualTo(403);
		assertThat(this.api.post(decision, Map.of("decision", "DECLINED", "reason", "again"), tokenFor("fund.finch"))
			.status()).as("decided once").isEqualTo(409);
		assertThat(this.api.get("/api/v1/fund/applications", tokenFor("dr.quill")).status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/fund/balances", tokenFor("nurse.bell")).status()).isEqualTo(403);
		assertLedgerBalances();
	}

	private long balance(String restriction) {
		JsonNode balances = this.api.get("/api/v1/fund/balances", tokenFor("fund.finch")).json();
		for (JsonNode balance : balances) {
			if (balance.get("restriction").asString().equals(restriction)) {
				return balance.get("balanceMinor").asLong();
			}
		}
		return 0;
	}

	/**
	 * Double entry: every transaction sums to zero; each balance is minus its FUND
	 * entries.
	 */
	private void assertLedgerBalances() {
		assertThat(this.jdbc
			.sql("select count(*) from (select txn_id from fund.ledger_entry group by txn_id "
					+ "having sum(amount_minor) <> 0) unbalanced")
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("""
				select count(*) from fund.restriction_balance r
				where r.balance_minor <> -(select coalesce(sum(amount_minor), 0) from fund.ledger_entry e
				                           where e.restriction = r.code and e.account = 'FUND')""")
			.query(Integer.class)
			.single()).isZero();
	}

	private static Map<String, Object> donation(String donor, long amountMinor, String restriction, String email) {
		Map<String, Object> body = new HashMap<>();
		body.put("donorName", donor);
		body.put("anonymous", false);
		body.put("email", email);
		body.put("amountMinor", amountMinor);
		body.put("currency", "USD");
		body.put("restriction", restriction);
		body.put("receivedOn", LocalDate.now().minusDays(1).toString());
		body.put("method", "CHECK");
		return body;
	}

	private static Map<String, Object> application(String patient, int household, long incomeMinor) {
		return Map.of("patientId", patient, "householdSize", household, "annualIncomeMinor", incomeMinor, "currency",
				"USD", "needStatement", "Self-pay; cannot afford the course.");
	}

}
