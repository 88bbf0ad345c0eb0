package org.kapclinic.ledger;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.RuleViolationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The controlled-substance ledger against the real database: balances after receipts,
 * draws, waste and corrections; refused draws; concurrent draws; witnesses; counts and
 * discrepancies; the inventory for a past date; who may do what; nothing half-saved.
 */
@RecordApplicationEvents
class LedgerIT extends IntegrationTest {

	private static final String BASE = "/api/v1/controlled-substances";

	@Autowired
	private Ledger ledger;

	@Autowired
	private AuthenticationManager authentication;

	@Autowired
	private ClinicTime clinicTime;

	@Autowired
	private Counts counts;

	@Autowired
	private ApplicationEvents events;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void receiptDrawWasteAndCorrectionKeepTheRunningBalance() {
		String nurse = tokenFor("nurse.bell");
		UUID lot = receive(nurse, "KETAMINE", "1000", "50");
		signIn("nurse.fern");
		LedgerDraw draw = this.ledger.draw(lot, new BigDecimal("100"), UUID.randomUUID(), UUID.randomUUID(),
				Instant.now().minusSeconds(60));
		assertThat(draw.balanceAfterMg()).isEqualByComparingTo("900");

		Response waste = this.api.post(BASE + "/waste", waste(lot, "20", "dr.quill", PASSWORD), nurse);
		assertThat(waste.status()).as(waste.body()).isEqualTo(201);
		assertThat(waste.json().get("witness").asString()).isEqualTo("dr.quill");
		assertThat(decimal(waste.json().get("balanceAfterMg"))).isEqualByComparingTo("880");

		// The draw was really 80 mg: a correction entry gives 20 mg back; the draw stays.
		Response corrected = this.api.post(BASE + "/entries/" + draw.entryId() + "/correct",
				Map.of("reason", "drew 80 mg, typed 100", "quantityMg", 80), nurse);
		assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
		assertThat(corrected.json().get("correctsEntryId").asString()).isEqualTo(draw.entryId().toString());
		Response again = this.api.post(BASE + "/entries/" + draw.entryId() + "/correct",
				Map.of("reason", "twice", "quantityMg", 70), nurse);
		assertThat(again.status()).isEqualTo(409);

		JsonNode entries = this.api.get(BASE + "/lots/" + lot + "/entries", nurse).json();
		List<String> kinds = new ArrayList<>();
		List<BigDecimal> balances = new ArrayList<>();
		entries.forEach((entry) -> {
			kinds.add(entry.get("kind").asString());
			balances.add(decimal(entry.get("balanceAfterMg")));
		});
		assertThat(kinds).containsExactly("RECEIPT", "DRAW", "WASTE", "CORRECTION");
		assertThat(balances).usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("1000"), new BigDecimal("900"), new BigDecimal("880"),
					new BigDecimal("900"));
		assertThat(entries.get(1).get("correctedByEntryId").asString())
			.isEqualTo(corrected.json().get("id").asString());
		assertThat(entries.get(1).get("recordedBy").asString()).isEqualTo("nurse.fern");
		assertThat(balanceOf(lot, nurse)).isEqualByComparingTo("900");
		signIn("nurse.fern");
		UUID session = this.ledger.entries(lot).get(1).dosingSessionId();
		assertThat(this.ledger.forSession(session)).extracting(LedgerEntry::kind)
			.containsExactly(LedgerEntry.EntryKind.DRAW, LedgerEntry.EntryKind.CORRECTION);
		assertThat(this.jdbc
			.sql("select count(*) from audit.entry where resource_type = 'ControlledSubstance' "
					+ "and detail like 'DRAW 100 mg%' and patient_id is not null")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(1);
		assertThat(this.jdbc
			.sql("select distinct data_category from audit.entry where resource_type = 'ControlledSubstance' "
					+ "and detail like any (array['DRAW 100 mg%', 'CORRECTION%', 'RECEIPT%'])")
			.query(String.class)
			.list()).as("ledger actions are their own data category (issue 16 finding 5)")
			.containsExactly("CONTROLLED_SUBSTANCE");
	}

	@Test
	void aDrawBeyondTheBalanceOrFromAnExpiredOrUnknownLotIsRefused() {
		String nurse = tokenFor("nurse.bell");
		UUID lot = receive(nurse, "KETAMINE", "100", "100");
		signIn("dr.quill");
		assertThatThrownBy(() -> this.ledger.draw(lot, new BigDecimal("100.001"), UUID.randomUUID(), UUID.randomUUID(),
				Instant.now()))
			.isInstanceOfSatisfying(RuleViolationException.class,
					(ex) -> assertThat(ex.reasons()).containsExactly("INSUFFICIENT_BALANCE"));
		assertThatThrownBy(() -> this.ledger.draw(UUID.randomUUID(), BigDecimal.TEN, UUID.randomUUID(),
				UUID.randomUUID(), Instant.now()))
			.isInstanceOfSatisfying(RuleViolationException.class,
					(ex) -> assertThat(ex.reasons()).containsExactly("LOT_UNKNOWN"));
		assertThatThrownBy(() -> this.ledger.draw(lot, BigDecimal.TEN, UUID.randomUUID(), UUID.randomUUID(),
				Instant.now().plus(1, ChronoUnit.HOURS)))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(
				() -> this.ledger.draw(lot, BigDecimal.ZERO, UUID.randomUUID(), UUID.randomUUID(), Instant.now()))
			.isInstanceOf(InvalidInputException.class);

		UUID expired = seededLot(LocalDate.now(zone()).minusDays(1), "500", Instant.now().minus(30, ChronoUnit.DAYS));
		assertThatThrownBy(
				() -> this.ledger.draw(expired, BigDecimal.TEN, UUID.randomUUID(), UUID.randomUUID(), Instant.now()))
			.isInstanceOfSatisfying(RuleViolationException.class,
					(ex) -> assertThat(ex.reasons()).containsExactly("LOT_EXPIRED"));
		// A late entry for a dose given while the lot was still in date is accepted.
		LedgerDraw late = this.ledger.draw(expired, BigDecimal.TEN, UUID.randomUUID(), UUID.randomUUID(),
				LocalDate.now(zone()).minusDays(2).atTime(12, 0).atZone(zone()).toInstant());
		assertThat(late.balanceAfterMg()).isEqualByComparingTo("490");
		assertThat(this.ledger.lotsInStock()).extracting(LotBalance::lotId).contains(lot).doesNotContain(expired);
		assertThat(this.ledger.lotsInStock(Product.KETAMINE)).extracting(LotBalance::lotId).contains(lot);
		assertThat(this.ledger.lotsInStock(Product.ESKETAMINE)).extracting(LotBalance::lotId).doesNotContain(lot);

		assertThat(balanceOf(lot, nurse)).as("nothing drawn by the refusals").isEqualByComparingTo("100");
		assertThat(entryCount(lot)).isEqualTo(1);
	}

	@Test
	void concurrentDrawsNeverOverdrawALot() throws Exception {
		String nurse = tokenFor("nurse.bell");
		UUID lot = receive(nurse, "KETAMINE", "500", "50");
		var principal = this.authentication
			.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("nurse.fern", PASSWORD));
		ExecutorService pool = Executors.newFixedThreadPool(12);
		List<Future<String>> results = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			results.add(pool.submit(() -> {
				SecurityContextHolder.getContext().setAuthentication(principal);
				try {
					this.ledger.draw(lot, new BigDecimal("50"), UUID.randomUUID(), UUID.randomUUID(), Instant.now());
					return "DRAWN";
				}
				catch (RuleViolationException ex) {
					return String.join(",", ex.reasons());
				}
				finally {
					SecurityContextHolder.clearContext();
				}
			}));
		}
		Map<String, Integer> outcomes = new HashMap<>();
		for (Future<String> result : results) {
			outcomes.merge(result.get(), 1, Integer::sum);
		}
		pool.shutdown();
		assertThat(outcomes).containsEntry("DRAWN", 10).containsEntry("INSUFFICIENT_BALANCE", 14);
		assertThat(balanceOf(lot, nurse)).isEqualByComparingTo("0");
		assertThat(entryCount(lot)).isEqualTo(11);
	}

	@Test
	void wasteNeedsAVerifiedWitnessWhoIsSomeoneElseWithAClinicalRole() {
		String nurse = tokenFor("nurse.bell");
		UUID lot = receive(nurse, "KETAMINE", "300", "50");
		String witness = newUser("witness." + suffix().toLowerCase(), "NURSE");

		Map<String, Object> noWitness = new HashMap<>(waste(lot, "10", null, null));
		noWitness.remove("witness");
		Response missing = this.api.post(BASE + "/waste", noWitness, nurse);
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body()).contains("\"field\":\"witness\"");

		Response wrong = this.api.post(BASE + "/waste", waste(lot, "10", witness, "not-the-password"), nurse);
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.body()).contains("WITNESS_NOT_VERIFIED");
		assertThat(
				this.jdbc.sql("select count(*) from identity.login_attempt where username = ? and outcome = 'FAILURE'")
					.param(witness)
					.query(Long.class)
					.single())
			.as("counts toward the witness's lockout")
			.isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from audit.entry where actor_name = ? and action = 'LOGIN_FAILED'")
			.param(witness)
			.query(Long.class)
			.single()).isEqualTo(1);

		Response self = this.api.post(BASE + "/waste", waste(lot, "10", "nurse.bell", PASSWORD), nurse);
		assertThat(self.status()).isEqualTo(422);
		assertThat(self.body()).contains("WITNESS_SAME_USER");

		Response therapist = this.api.post(BASE + "/waste", waste(lot, "10", "therapist.cove", PASSWORD), nurse);
		assertThat(therapist.status()).isEqualTo(422);
		assertThat(therapist.body()).contains("WITNESS_ROLE");

		Response tooMuch = this.api.post(BASE + "/waste", waste(lot, "301", witness, PASSWORD), nurse);
		assertThat(tooMuch.status()).isEqualTo(422);
		assertThat(tooMuch.body()).contains("INSUFFICIENT_BALANCE");

		assertThat(this.jdbc.sql("select count(*) from audit.entry where resource_id = ? and outcome = 'FAILURE'")
			.param(lot.toString())
			.query(Long.class)
			.single()).as("each refused waste is audited").isEqualTo(4);
		assertThat(balanceOf(lot, nurse)).as("nothing saved").isEqualByComparingTo("300");
		assertThat(entryCount(lot)).isEqualTo(1);

		Response ok = this.api.post(BASE + "/waste", waste(lot, "10", witness, PASSWORD), nurse);
		assertThat(ok.status()).as(ok.body()).isEqualTo(201);
		assertThat(balanceOf(lot, nurse)).isEqualByComparingTo("290");
	}

	@Test
	void aLockedWitnessIsRefusedEvenWithTheRightPassword() {
		String nurse = tokenFor("nurse.bell");
		UUID lot = receive(nurse, "KETAMINE", "300", "50");
		String witness = newUser("locked." + suffix().toLowerCase(), "PRESCRIBER");
		for (int i = 0; i < 5; i++) {
			assertThat(this.api.post(BASE + "/waste", waste(lot, "10", witness, "wrong-" + i), nurse).status())
				.isEqualTo(422);
		}
		Response locked = this.api.post(BASE + "/waste", waste(lot, "10", witness, PASSWORD), nurse);
		assertThat(locked.status()).isEqualTo(422);
		assertThat(locked.body()).contains("WITNESS_NOT_VERIFIED");
		assertThat(
				this.api.post("/api/v1/auth/token", Map.of("username", witness, "password", PASSWORD), null).status())
			.as("the same lockout as sign-in")
			.isEqualTo(401);
		assertThat(balanceOf(lot, nurse)).isEqualByComparingTo("300");
	}

	@Test
	void aCountThatDiffersOpensADiscrepancyWhichAnAdminResolvesWithAnAdjustment() {
		String nurse = tokenFor("nurse.bell");
		String admin = tokenFor("admin");
		UUID lot = receive(nurse, "ESKETAMINE", "840", null);

		Response matched = this.api.post(BASE + "/counts", Map.of("lotId", lot, "countedMg", 840), nurse);
		assertThat(matched.status()).as(matched.body()).isEqualTo(201);
		assertThat(matched.json().get("status").asString()).isEqualTo("MATCHED");

		Response counted = this.api.post(BASE + "/counts", Map.of("lotId", lot, "countedMg", 812, "note",
				"one device missing", "witness", Map.of("username", "dr.quill", "password", PASSWORD)), nurse);
		assertThat(counted.status()).as(counted.body()).isEqualTo(201);
		assertThat(counted.json().get("status").asString()).isEqualTo("DISCREPANCY");
		assertThat(decimal(counted.json().get("differenceMg"))).isEqualByComparingTo("-28");
		assertThat(counted.json().get("witness").asString()).isEqualTo("dr.quill");
		String discrepancy = counted.json().get("discrepancyId").asString();

		Response open = this.api.get(BASE + "/discrepancies", admin);
		assertThat(open.status()).isEqualTo(200);
		assertThat(open.body()).contains(discrepancy);
		assertThat(balanceOf(lot, nurse)).as("a count alone changes no balance").isEqualByComparingTo("840");

		assertThat(this.api
			.post(BASE + "/discrepancies/" + discrepancy + "/resolve", Map.of("reason", "device broken"), nurse)
			.status()).isEqualTo(403);
		assertThat(this.api.post(BASE + "/discrepancies/" + discrepancy + "/resolve", Map.of(), admin).status())
			.isEqualTo(400);
		Response resolved = this.api.post(BASE + "/discrepancies/" + discrepancy + "/resolve",
				Map.of("reason", "device dropped and discarded; reported to the prescriber"), admin);
		assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
		assertThat(resolved.json().get("status").asString()).isEqualTo("RESOLVED");
		assertThat(balanceOf(lot, nurse)).isEqualByComparingTo("812");
		JsonNode entries = this.api.get(BASE + "/lots/" + lot + "/entries", nurse).json();
		assertThat(entries.get(entries.size() - 1).get("kind").asString()).isEqualTo("ADJUSTMENT");
		assertThat(entries.get(entries.size() - 1).get("discrepancyId").asString()).isEqualTo(discrepancy);
		assertThat(this.api.get(BASE + "/discrepancies", admin).body()).doesNotContain(discrepancy);
		assertThat(this.api.post(BASE + "/discrepancies/" + discrepancy + "/resolve", Map.of("reason", "again"), admin)
			.status()).isEqualTo(409);
	}

	@Test
	void aDiscrepancyIsPublishedAndTheClinicsContactIsToldByMail() {
		UUID lot = receive(tokenFor("nurse.bell"), "KETAMINE", "250", "50");
		signIn("nurse.fern");
		CountResult result = this.counts.count(new CountRequest(lot, new BigDecimal("240"), null, null));
		assertThat(result.status()).isEqualTo("DISCREPANCY");
		assertThat(this.events.stream(DiscrepancyFound.class)).singleElement().satisfies((event) -> {
			assertThat(event.discrepancyId()).isEqualTo(result.discrepancyId());
			assertThat(event.expectedMg()).isEqualByComparingTo("250");
			assertThat(event.countedMg()).isEqualByComparingTo("240");
		});
		// kap.ledger.discrepancy-contact (IntegrationTest); 21 CFR 1301.76(b): one
		// business day to report a significant loss.
		Map<String, Object> mail = this.jdbc
			.sql("select recipient, subject, body_text from notification.outbox_message where dedupe_key = ?")
			.param("ledger-discrepancy:" + result.discrepancyId())
			.query()
			.singleRow();
		assertThat(mail.get("recipient")).isEqualTo("pharmacist-in-charge@kapclinic.invalid");
		assertThat((String) mail.get("body_text")).contains("Expected: 250 mg", "Counted:  240 mg", "Form 106");
	}

	@Test
	void theInventoryForAPastDateShowsTheBalanceAtTheEndOfThatDayAndThePeriodsMovements() {
		String nurse = tokenFor("nurse.bell");
		LocalDate today = LocalDate.now(zone());
		UUID lot = seededLot(today.plusYears(1), "1000", noon(today.minusDays(5)));
		signIn("nurse.fern");
		this.ledger.draw(lot, new BigDecimal("100"), UUID.randomUUID(), UUID.randomUUID(), noon(today.minusDays(3)));
		assertThat(this.api.post(BASE + "/waste", waste(lot, "20", "dr.quill", PASSWORD), nurse).status())
			.isEqualTo(201);

		JsonNode quiet = line(this.api.get(BASE + "/inventory?date=" + today.minusDays(4), nurse), lot);
		assertThat(decimal(quiet.get("openingMg"))).isEqualByComparingTo("1000");
		assertThat(decimal(quiet.get("drawnMg"))).isEqualByComparingTo("0");
		assertThat(decimal(quiet.get("closingMg"))).isEqualByComparingTo("1000");

		JsonNode drawDay = line(this.api.get(BASE + "/inventory?date=" + today.minusDays(3), nurse), lot);
		assertThat(decimal(drawDay.get("drawnMg"))).isEqualByComparingTo("100");
		assertThat(decimal(drawDay.get("closingMg"))).isEqualByComparingTo("900");

		JsonNode period = line(
				this.api.get(BASE + "/inventory?date=" + today.minusDays(1) + "&from=" + today.minusDays(6), nurse),
				lot);
		assertThat(decimal(period.get("openingMg"))).isEqualByComparingTo("0");
		assertThat(decimal(period.get("receivedMg"))).isEqualByComparingTo("1000");
		assertThat(decimal(period.get("drawnMg"))).isEqualByComparingTo("100");
		assertThat(decimal(period.get("wastedMg"))).as("wasted today, after the period").isEqualByComparingTo("0");
		assertThat(decimal(period.get("closingMg"))).isEqualByComparingTo("900");

		JsonNode todayLine = line(this.api.get(BASE + "/inventory?date=" + today, nurse), lot);
		assertThat(decimal(todayLine.get("wastedMg"))).isEqualByComparingTo("20");
		assertThat(decimal(todayLine.get("closingMg"))).isEqualByComparingTo("880");

		Response before = this.api.get(BASE + "/inventory?date=" + today.minusDays(6), nurse);
		assertThat(before.body()).doesNotContain(lot.toString());
		assertThat(this.api.get(BASE + "/inventory?date=" + today + "&from=" + today.plusDays(1), nurse).status())
			.isEqualTo(400);
	}

	@Test
	void frontDeskAndTherapistsHaveNoAccessAndOnlyPrescribersAndNursesDraw() {
		String nurse = tokenFor("nurse.bell");
		UUID lot = receive(nurse, "KETAMINE", "100", "50");
		for (String user : List.of("desk.dale", "therapist.cove")) {
			String token = tokenFor(user);
			assertThat(this.api.get(BASE + "/lots", token).status()).isEqualTo(403);
			assertThat(this.api.get(BASE + "/lots/" + lot + "/entries", token).status()).isEqualTo(403);
			assertThat(this.api.get(BASE + "/discrepancies", token).status()).isEqualTo(403);
			assertThat(this.api.get(BASE + "/inventory?date=" + LocalDate.now(zone()), token).status()).isEqualTo(403);
			assertThat(this.api.post(BASE + "/receipts", receipt("KETAMINE", "100", "50", "X-" + suffix()), token)
				.status()).isEqualTo(403);
			assertThat(this.api.post(BASE + "/waste", waste(lot, "10", "dr.quill", PASSWORD), token).status())
				.isEqualTo(403);
			assertThat(this.api.post(BASE + "/counts", Map.of("lotId", lot, "countedMg", 100), token).status())
				.isEqualTo(403);
			signIn(user);
			assertThatThrownBy(
					() -> this.ledger.draw(lot, BigDecimal.TEN, UUID.randomUUID(), UUID.randomUUID(), Instant.now()))
				.isInstanceOf(AccessDeniedException.class);
		}
		signIn("admin");
		assertThatThrownBy(
				() -> this.ledger.draw(lot, BigDecimal.TEN, UUID.randomUUID(), UUID.randomUUID(), Instant.now()))
			.as("an administrator keeps the books but does not administer")
			.isInstanceOf(AccessDeniedException.class);
		assertThat(this.api.get(BASE + "/lots", tokenFor("admin")).status()).isEqualTo(200);
		assertThat(this.api.get(BASE + "/lots", tokenFor("dr.quill")).status()).isEqualTo(200);
		assertThat(balanceOf(lot, nurse)).isEqualByComparingTo("100");
	}

	@Test
	void badReceiptsAnswerFieldLevel400sAndSaveNothing() {
		String nurse = tokenFor("nurse.bell");
		String lotNumber = "BAD-" + suffix();
		Response bad = this.api.post(BASE + "/receipts",
				Map.of("product", "PROPOFOL", "ndc", "5045802802", "lot", lotNumber, "expiry",
						LocalDate.now(zone()).minusDays(1).toString(), "quantityMg", -5, "concentrationMgPerMl", 0),
				nurse);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("\"field\":\"product\"", "\"field\":\"ndc\"", "\"field\":\"expiry\"",
				"\"field\":\"quantityMg\"", "\"field\":\"concentrationMgPerMl\"");

		Map<String, Object> partDevice = receipt("ESKETAMINE", "30", null, lotNumber);
		Response devices = this.api.post(BASE + "/receipts", partDevice, nurse);
		assertThat(devices.status()).isEqualTo(400);
		assertThat(devices.body()).contains("\"field\":\"quantityMg\"", "28 mg devices");

		Map<String, Object> notSpravato = new HashMap<>(receipt("ESKETAMINE", "56", null, lotNumber));
		notSpravato.put("ndc", "12345-678-90");
		assertThat(this.api.post(BASE + "/receipts", notSpravato, nurse).body()).contains("\"field\":\"ndc\"");

		assertThat(this.jdbc.sql("select count(*) from ledger.lot where lot_number = ?")
			.param(lotNumber)
			.query(Long.class)
			.single()).isZero();

		UUID lot = receive(nurse, "KETAMINE", "100", "50");
		Response noReason = this.api.post(BASE + "/waste",
				Map.of("lotId", lot, "quantityMg", 10, "witness", Map.of("username", "dr.quill", "password", PASSWORD)),
				nurse);
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.body()).contains("\"field\":\"reason\"");
		Response badCount = this.api.post(BASE + "/counts", Map.of("lotId", lot, "countedMg", -1), nurse);
		assertThat(badCount.status()).isEqualTo(400);
		assertThat(badCount.body()).contains("\"field\":\"countedMg\"");
		assertThat(entryCount(lot)).isEqualTo(1);
	}

	@Test
	void aSecondReceiptOfTheSameLotAddsToIt() {
		String nurse = tokenFor("nurse.bell");
		Map<String, Object> receipt = receipt("KETAMINE", "500", "50", "SAME-" + suffix());
		Response first = this.api.post(BASE + "/receipts", receipt, nurse);
		Response second = this.api.post(BASE + "/receipts", receipt, nurse);
		assertThat(second.status()).isEqualTo(201);
		assertThat(second.json().get("lotId").asString()).isEqualTo(first.json().get("lotId").asString());
		assertThat(decimal(second.json().get("balanceMg"))).isEqualByComparingTo("1000");
	}

	@Test
	void simultaneousFirstReceiptsOfANewLotBothLandInOneLot() throws Exception {
		String nurse = tokenFor("nurse.bell");
		Map<String, Object> receipt = receipt("KETAMINE", "500", "50", "RACE-" + suffix());
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Response>> answers = new ArrayList<>();
			java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
			for (int i = 0; i < 4; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return this.api.post(BASE + "/receipts", receipt, nurse);
				}));
			}
			start.countDown();
			java.util.Set<String> lots = new java.util.HashSet<>();
			for (Future<Response> answer : answers) {
				Response r = answer.get(30, java.util.concurrent.TimeUnit.SECONDS);
				assertThat(r.status()).as(r.body()).isEqualTo(201);
				lots.add(r.json().get("lotId").asString());
			}
			assertThat(lots).hasSize(1);
			assertThat(balanceOf(UUID.fromString(lots.iterator().next()), nurse)).isEqualByComparingTo("2000");
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void theDatabaseRefusesToChangeOrDeleteLedgerRows() {
		UUID lot = receive(tokenFor("nurse.bell"), "KETAMINE", "100", "50");
		assertThatThrownBy(
				() -> this.jdbc.sql("update ledger.entry set quantity_mg = 1 where lot_id = ?").param(lot).update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("delete from ledger.entry where lot_id = ?").param(lot).update())
			.as("the trigger (owner) or the missing privilege (kap_app)")
			.rootCause()
			.hasMessageMatching("(?s).*(append-only|permission denied).*");
		assertThatThrownBy(
				() -> this.jdbc.sql("update ledger.lot set expiry = expiry + 365 where id = ?").param(lot).update())
			.hasMessageContaining("append-only");
		assertThat(entryCount(lot)).isEqualTo(1);
	}

	// --- helpers --------------------------------------------------------------------

	private UUID receive(String token, String product, String mg, String mgPerMl) {
		Response response = this.api.post(BASE + "/receipts", receipt(product, mg, mgPerMl, "T-" + suffix()), token);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return UUID.fromString(response.json().get("lotId").asString());
	}

	private Map<String, Object> receipt(String product, String mg, String mgPerMl, String lotNumber) {
		Map<String, Object> receipt = new HashMap<>();
		receipt.put("product", product);
		receipt.put("ndc", "ESKETAMINE".equals(product) ? "50458-028-03" : "99999-050-10");
		receipt.put("lot", lotNumber);
		receipt.put("expiry", LocalDate.now(zone()).plusMonths(6).toString());
		receipt.put("quantityMg", new BigDecimal(mg));
		if (mgPerMl != null) {
			receipt.put("concentrationMgPerMl", new BigDecimal(mgPerMl));
		}
		return receipt;
	}

	private static Map<String, Object> waste(UUID lot, String mg, String witness, String password) {
		Map<String, Object> waste = new HashMap<>();
		waste.put("lotId", lot);
		waste.put("quantityMg", new BigDecimal(mg));
		waste.put("reason", "residue in vial after the dose");
		Map<String, Object> credentials = new HashMap<>();
		credentials.put("username", witness);
		credentials.put("password", password);
		waste.put("witness", credentials);
		return waste;
	}

	/** A lot received in the past (receipts through the API cannot be back-dated). */
	private UUID seededLot(LocalDate expiry, String mg, Instant receivedAt) {
		UUID lot = UUID.randomUUID();
		this.jdbc
			.sql("""
					insert into ledger.lot (id, product, ndc, lot_number, expiry, concentration_mg_per_ml, location, created_at)
					values (?, 'KETAMINE', '99999-050-10', ?, ?, 50, 'Test safe', ?)""")
			.params(lot, "SEED-" + suffix(), expiry, Timestamp.from(receivedAt))
			.update();
		this.jdbc.sql("""
				insert into ledger.entry (id, lot_id, lot_seq, kind, quantity_mg, balance_after_mg, occurred_at,
				    recorded_at, recorded_by_name)
				values (?, ?, 1, 'RECEIPT', ?, ?, ?, ?, 'test')""")
			.params(UUID.randomUUID(), lot, new BigDecimal(mg), new BigDecimal(mg), Timestamp.from(receivedAt),
					Timestamp.from(receivedAt))
			.update();
		return lot;
	}

	private static JsonNode line(Response inventory, UUID lot) {
		assertThat(inventory.status()).as(inventory.body()).isEqualTo(200);
		for (JsonNode line : inventory.json().get("lots")) {
			if (line.get("lotId").asString().equals(lot.toString())) {
				return line;
			}
		}
		throw new AssertionError("lot " + lot + " not in " + inventory.body());
	}

	private BigDecimal balanceOf(UUID lot, String token) {
		Response response = this.api.get(BASE + "/lots/" + lot, token);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return decimal(response.json().get("balanceMg"));
	}

	private long entryCount(UUID lot) {
		return this.jdbc.sql("select count(*) from ledger.entry where lot_id = ?")
			.param(lot)
			.query(Long.class)
			.single();
	}

	private void signIn(String username) {
		SecurityContextHolder.getContext()
			.setAuthentication(this.authentication
				.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, PASSWORD)));
	}

	private String newUser(String username, String role) {
		Response created = this.api.post("/api/v1/users", Map.of("username", username, "password", PASSWORD,
				"displayName", "Witness " + username, "roles", List.of(role)), tokenFor("admin"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return username;
	}

	private ZoneId zone() {
		return this.clinicTime.timeZone();
	}

	private Instant noon(LocalDate day) {
		return day.atTime(12, 0).atZone(zone()).toInstant();
	}

	private static BigDecimal decimal(JsonNode node) {
		return new BigDecimal(node.asString());
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

}
