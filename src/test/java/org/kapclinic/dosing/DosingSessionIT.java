package org.kapclinic.dosing;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dosing sessions against the real database, through the API: the check-in gate, the
 * state machine, doses and ceilings, hold and alert thresholds, overdue vitals, late
 * entries, the minimum observation before discharge (REMS 2 h for esketamine).
 */
class DosingSessionIT extends IntegrationTest {

	private static final String SESSIONS = "/api/v1/dosing-sessions";

	private String admin;

	private String prescriber;

	private String nurse;

	private String therapist;

	private DosingFixtures fixtures;

	private String ketamineLot;

	private String esketamineLot;

	private DosingSteps steps;

	@BeforeEach
	void setUp() {
		this.admin = tokenFor("admin");
		this.prescriber = tokenFor("dr.quill");
		this.nurse = tokenFor("nurse.bell");
		this.therapist = tokenFor("therapist.cove");
		Map<String, UUID> users = new HashMap<>();
		for (String name : List.of("dr.quill", "nurse.bell", "therapist.cove")) {
			users.put(name, userId(name));
		}
		this.fixtures = new DosingFixtures(this.api, this.jdbc, this.admin, this.prescriber, users);
		this.ketamineLot = this.fixtures.lot("KETAMINE");
		this.esketamineLot = this.fixtures.lot("ESKETAMINE");
		this.steps = new DosingSteps(this.api, this.fixtures, this.nurse, this.prescriber, this.ketamineLot,
				this.esketamineLot);
	}

	@Test
	void protocolsArePublishedAsDataWithTheirChecklists() {
		Response protocols = this.api.get("/api/v1/protocols", this.nurse);
		assertThat(protocols.status()).isEqualTo(200);
		assertThat(protocols.body()).contains("\"code\":\"IV_KETAMINE\"", "\"program\":\"IV_INFUSION\"",
				"\"route\":\"IV\"", "\"route\":\"IN\"", "\"checklist\":[\"FASTING\"", "\"hardMaximum\":1.0",
				"\"minimumObservationMinutes\":120");
		@SuppressWarnings("unchecked")
		Map<String, Object> shorter = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readValue(this.api.get("/api/v1/protocols/ESKETAMINE_REMS", this.admin).body(), HashMap.class);
		shorter.put("version", 99);
		shorter.put("minimumObservationMinutes", 90);
		Response refused = this.api.post("/api/v1/protocols", shorter, this.admin);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("minimumObservationMinutes", "REMS");
		assertThat(this.api.post("/api/v1/protocols", shorter, this.prescriber).status()).isEqualTo(403);
	}

	@Test
	void checkInNamesEveryMissingPrerequisiteAndStoresNothing() {
		String patient = this.fixtures.patient("Unready" + UUID.randomUUID().toString().substring(0, 5), "1990-02-02");
		String preparation = this.fixtures.appointment(patient, "PREPARATION", "ESKETAMINE");
		Response refused = checkIn(patient, "ESKETAMINE_REMS", preparation, this.nurse);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("NOT_READY: INTAKE", "NOT_READY: CONSENT", "REMS_ENROLLMENT",
				"APPOINTMENT_TYPE", "WEIGHT_MISSING");
		assertThat(refused.body()).as("the reasons in words, as the nurse's page shows them")
			.contains("the appointment is for preparation, not a dosing session");
		assertThat(checkIn(patient, "IV_KETAMINE", preparation, this.nurse).body()).contains(
				"APPOINTMENT_PROGRAM: the appointment is for Esketamine nasal spray (REMS), the protocol for IV ketamine"
						+ " infusion");
		this.fixtures.weight(patient, 80, Instant.now().minus(Duration.ofDays(40)));
		assertThat(checkIn(patient, "ESKETAMINE_REMS", preparation, this.nurse).body()).contains("WEIGHT_STALE");
		assertThat(this.jdbc.sql("select count(*) from dosing.session where patient_id = ?::uuid")
			.param(patient)
			.query(Long.class)
			.single()).isZero();
		Response unknown = checkIn(patient, "NO_SUCH_PROTOCOL", preparation, this.nurse);
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body()).contains("\"field\":\"protocol\"");
		assertThat(checkIn(patient, "ESKETAMINE_REMS", preparation, this.therapist).status()).isEqualTo(403);
	}

	@Test
	void anIvSessionFromCheckInToDischarge() {
		DosingFixtures.Ready ready = this.fixtures.ready("IV_INFUSION", 72.4);
		Response created = checkIn(ready.patientId(), "IV_KETAMINE", ready.appointmentId(), this.nurse);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String session = created.json().get("id").asString();
		assertThat(created.json().get("state").asString()).isEqualTo("CHECKED_IN");
		assertThat(checkIn(ready.patientId(), "IV_KETAMINE", ready.appointmentId(), this.nurse).status())
			.as("one session per appointment")
			.isEqualTo(409);

		Response early = order(session, Map.of("doseMgPerKg", 0.5), this.prescriber);
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.json().get("openItems").toString())
			.contains("FASTING", "RIDE_HOME", "PRE_SESSION_MEASURES", "INTERACTING_MEDICATIONS", "BASELINE_VITALS")
			.doesNotContain("PREGNANCY_TEST");
		Response partial = checklist(session, Map.of("FASTING", true, "RIDE_HOME", true), this.nurse);
		assertThat(partial.json().get("complete").asBoolean()).isFalse();
		assertThat(checklist(session, Map.of("PRE_SESSION_MEASURES", true, "INTERACTING_MEDICATIONS", true), this.nurse)
			.json()
			.get("complete")
			.asBoolean()).isTrue();

		Response high = vitals(session, 152, 94, 80, 98, 14, null);
		assertThat(high.status()).isEqualTo(201);
		assertThat(high.json().get("held").asBoolean()).isTrue();
		Response held = order(session, Map.of("doseMgPerKg", 0.5), this.prescriber);
		assertThat(held.status()).isEqualTo(409);
		assertThat(held.body()).contains("HELD", "systolic 152 > 140");
		assertThat(vitals(session, 138, 88, 78, 98, 14, null).json().get("held").asBoolean())
			.as("a recheck within thresholds releases the hold")
			.isFalse();

		assertThat(order(session, Map.of("doseMgPerKg", 0.5), this.nurse).status()).as("prescribers order")
			.isEqualTo(403);
		Response ordered = order(session, Map.of("doseMgPerKg", 0.5), this.prescriber);
		assertThat(ordered.status()).as(ordered.body()).isEqualTo(201);
		assertThat(ordered.json().get("doseMg").decimalValue()).isEqualByComparingTo("36.2");
		assertThat(ordered.json().get("doseMgPerKg").decimalValue()).isEqualByComparingTo("0.5");
		assertThat(ordered.json().get("weightKg").decimalValue()).isEqualByComparingTo("72.4");
		assertThat(ordered.json().get("rateMgPerHour").decimalValue()).isEqualByComparingTo("54.3");

		Response unverified = administer(session, Map.of("kind", "START"), this.nurse);
		assertThat(unverified.status()).isEqualTo(409);
		assertThat(unverified.body()).contains("ORDER_NOT_VERIFIED");
		Response self = this.api.post(SESSIONS + "/" + session + "/order/verify", Map.of(), this.prescriber);
		assertThat(self.status()).isEqualTo(422);
		assertThat(self.body()).contains("SECOND_PERSON");
		assertThat(this.api.post(SESSIONS + "/" + session + "/order/verify", Map.of(), this.nurse).status())
			.isEqualTo(200);
		Response noLot = this.api.post(SESSIONS + "/" + session + "/administrations", Map.of("kind", "START"),
				this.nurse);
		assertThat(noLot.status()).isEqualTo(400);
		assertThat(noLot.body()).contains("\"field\":\"lotId\"");
		assertThat(administer(session, Map.of("kind", "START", "lotId", this.esketamineLot), this.nurse).body())
			.as("a ketamine session draws from a ketamine lot")
			.contains("KETAMINE lot");
		Response started = administer(session, Map.of("kind", "START"), this.nurse);
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		assertThat(started.json().get("doseMg").decimalValue()).isEqualByComparingTo("36.2");
		assertThat(started.json().get("ledgerEntryId").asString()).isNotBlank();
		assertThat(balance(this.ketamineLot)).as("drawn from the lot").isEqualTo(10000 - 36.2);

		Response surge = vitals(session, 184, 104, 96, 97, 16, null);
		assertThat(surge.json().get("alerts").toString()).contains("SYSTOLIC_HIGH").doesNotContain("DIASTOLIC_HIGH");
		Response board = this.api.get(SESSIONS + "/board", this.nurse);
		assertThat(board.body()).contains(session, "SYSTOLIC_HIGH", "\"state\":\"DOSING\"");

		assertThat(administer(session, Map.of("kind", "STOP"), this.nurse).status()).isEqualTo(201);
		Response tooSoon = discharge(session, criteria());
		assertThat(tooSoon.status()).isEqualTo(409);
		assertThat(tooSoon.json().get("remainingMinutes").asInt()).isBetween(59, 60);

		this.fixtures.rewind(session, 61);
		Response unacknowledged = discharge(session, criteria());
		assertThat(unacknowledged.status()).isEqualTo(422);
		assertThat(unacknowledged.body()).contains("OPEN_ALERTS", "VITALS_AFTER_DOSE");
		String alert = this.api.get(SESSIONS + "/" + session, this.nurse)
			.json()
			.get("alerts")
			.get(0)
			.get("id")
			.asString();
		assertThat(this.api
			.post(SESSIONS + "/" + session + "/alerts/" + alert + "/acknowledge",
					Map.of("note", "rechecked after 5 min, 162/96, no symptoms"), this.nurse)
			.status()).isEqualTo(204);
		vitals(session, 142, 90, 76, 98, 14, null);
		Map<String, Object> missingEscort = new HashMap<>(criteria());
		missingEscort.put("ESCORT_PRESENT", false);
		assertThat(discharge(session, missingEscort).body()).contains("CRITERION_NOT_MET: ESCORT_PRESENT");
		Response discharged = discharge(session, criteria());
		assertThat(discharged.status()).as(discharged.body()).isEqualTo(200);
		assertThat(discharged.json().get("state").asString()).isEqualTo("DISCHARGED");
		assertThat(this.api.get("/api/v1/appointments/" + ready.appointmentId(), this.nurse)
			.json()
			.get("status")
			.asString()).as("the dosing appointment is done").isEqualTo("COMPLETED");
		assertThat(this.api.get("/api/v1/patients/" + ready.patientId() + "/doses", this.therapist).body())
			.contains("\"protocol\":\"IV_KETAMINE\"", "\"totalMg\":36.2", "\"mgPerKg\":0.5");

		JsonNode detail = this.api.get(SESSIONS + "/" + session, this.nurse).json();
		assertThat(detail.get("transitions").toString()).contains("CHECKED_IN", "PRE_DOSE_CHECKS", "ORDERED", "DOSING",
				"MONITORING", "READY_FOR_DISCHARGE", "DISCHARGED");
		assertThat(vitals(session, 120, 80, 70, 98, 14, null).status()).as("closed").isEqualTo(409);
		assertThat(this.api.get(SESSIONS + "/" + session + "/timeline", this.therapist).body()).contains("ORDER",
				"36.2 mg", "BP 184/104");
		assertThat(this.api.get(SESSIONS + "/" + session, tokenFor("desk.dale")).status()).isEqualTo(403);

		Response note = this.api.post(
				"/api/v1/patients/" + ready.patientId() + "/notes", Map.of("type", "DOSING_SESSION", "body",
						Map.of("sessionSummary", "Settled after the surge"), "dosingSessionId", session),
				this.therapist);
		assertThat(note.status()).as(note.body()).isEqualTo(201);
		assertThat(this.api.get("/api/v1/notes/" + note.json().get("id").asString(), this.therapist)
			.json()
			.get("timeline")
			.toString()).as("the therapist note pulls the session timeline")
			.contains("36.2 mg", "BP 184/104", "\"kind\":\"VITALS\",\"label\":\"Vitals\"");
		assertThat(org.kapclinic.BrowserSession.signIn(this.port, "therapist.cove", PASSWORD)
			.get("/notes/" + note.json().get("id").asString())
			.body()).as("the note's timeline in words, not codes")
			.contains("Dose: ", "Vitals: ")
			.doesNotContain("ADMINISTRATION:", "VITALS:");
		String other = this.fixtures.patient("Othernote" + UUID.randomUUID().toString().substring(0, 5), "1980-01-01");
		Response foreign = this.api.post("/api/v1/patients/" + other + "/notes", Map.of("type", "DOSING_SESSION",
				"body", Map.of("sessionSummary", "wrong chart"), "dosingSessionId", session), this.therapist);
		assertThat(this.api.get("/api/v1/notes/" + foreign.json().get("id").asString(), this.therapist)
			.json()
			.get("timeline")).as("another patient's session never shows").isEmpty();
	}

	@Test
	void everyIllegalTransitionIsRefused() {
		String session = checkedIn("IV_INFUSION", "IV_KETAMINE", 70);
		assertThat(administer(session, Map.of("kind", "START"), this.nurse).status()).isEqualTo(409);
		assertThat(administer(session, Map.of("kind", "STOP"), this.nurse).status()).isEqualTo(409);
		assertThat(discharge(session, criteria()).status()).isEqualTo(409);
		assertThat(this.api
			.post(SESSIONS + "/" + session + "/ready-for-discharge", Map.of("criteria", criteria()), this.nurse)
			.status()).isEqualTo(409);
		assertThat(this.api.post(SESSIONS + "/" + session + "/order/verify", Map.of(), this.nurse).status())
			.isEqualTo(409);
		readyToOrder(session);
		assertThat(order(session, Map.of("doseMgPerKg", 0.5), this.prescriber).status()).isEqualTo(201);
		assertThat(checklist(session, Map.of("FASTING", false), this.nurse).status()).as("checklist after the order")
			.isEqualTo(409);
		assertThat(administer(session, Map.of("kind", "STOP"), this.nurse).status()).isEqualTo(409);
		assertThat(this.api.post(SESSIONS + "/" + session + "/abort", Map.of("reason", " "), this.nurse).status())
			.isEqualTo(400);
		Response aborted = this.api.post(SESSIONS + "/" + session + "/abort",
				Map.of("reason", "patient changed their mind"), this.nurse);
		assertThat(aborted.json().get("state").asString()).isEqualTo("ABORTED");
		assertThat(this.api.post(SESSIONS + "/" + session + "/abort", Map.of("reason", "again"), this.nurse).status())
			.isEqualTo(409);
		assertThat(order(session, Map.of("doseMgPerKg", 0.5), this.prescriber).status()).isEqualTo(409);
	}

	@Test
	void ceilingsCountAdditionalDosesAndTheSoftMaximumNeedsAReason() {
		String session = checkedIn("KAP", "KAP_IM_KETAMINE", 70);
		readyToOrder(session);
		Response hard = order(session, Map.of("doseMgPerKg", 2.6), this.prescriber);
		assertThat(hard.status()).isEqualTo(422);
		assertThat(hard.body()).contains("ABOVE_HARD_MAXIMUM");
		assertThat(order(session, Map.of("doseMgPerKg", 2.6, "override", Map.of("reason", "insist")), this.prescriber)
			.status()).as("no override above the hard maximum").isEqualTo(422);
		assertThat(order(session, Map.of("doseMgPerKg", 1.6), this.prescriber).body())
			.contains("SOFT_MAXIMUM_REASON_REQUIRED");
		Response overridden = order(session,
				Map.of("doseMgPerKg", 1.6, "override", Map.of("reason", "partial response at 1.5 mg/kg")),
				this.prescriber);
		assertThat(overridden.status()).isEqualTo(201);
		assertThat(overridden.json().get("doseMg").decimalValue()).isEqualByComparingTo("112.0");
		assertThat(overridden.json().get("overrideReason").asString()).contains("partial response");
		assertThat(administer(session, Map.of("kind", "START"), this.nurse).status()).isEqualTo(201);
		Response beyond = administer(session,
				Map.of("kind", "ADDITIONAL", "doseMg", 64, "override", Map.of("reason", "x")), this.prescriber);
		assertThat(beyond.status()).isEqualTo(422);
		assertThat(beyond.body()).contains("ABOVE_HARD_MAXIMUM", "2.514 mg/kg", "112.0 mg already");
		assertThat(administer(session, Map.of("kind", "ADDITIONAL", "doseMg", 20), this.nurse).status())
			.as("a prescriber gives additional doses")
			.isEqualTo(403);
		Response topUp = administer(session,
				Map.of("kind", "ADDITIONAL", "doseMg", 63, "override", Map.of("reason", "no effect at 30 min")),
				this.prescriber);
		assertThat(topUp.status()).as(topUp.body()).isEqualTo(201);
		JsonNode detail = this.api.get(SESSIONS + "/" + session, this.nurse).json();
		assertThat(detail.get("totalGivenMg").decimalValue()).isEqualByComparingTo("175.0");
		assertThat(detail.get("totalGivenMgPerKg").decimalValue()).isEqualByComparingTo("2.5");
		assertThat(balance(this.ketamineLot)).as("refused doses drew nothing").isEqualTo(10000 - 175.0);
	}

	@Test
	void esketamineDevicesAreFiveMinutesApartAndDischargeWaitsTwoHours() {
		String session = checkedIn("ESKETAMINE", "ESKETAMINE_REMS", 80);
		assertThat(vitals(session, 128, 82, 74, null, 14, null).body()).as("pulse oximetry is required (REMS)")
			.contains("spo2");
		readyToOrder(session);
		assertThat(order(session, Map.of("doseMg", 70), this.prescriber).body()).contains("DOSE_NOT_ALLOWED");
		assertThat(order(session, Map.of("doseMg", 56), this.prescriber).status()).isEqualTo(201);
		assertThat(administer(session, Map.of("kind", "START"), this.nurse).body()).contains("USE_DEVICE");
		assertThat(administer(session, Map.of("kind", "DEVICE"), this.nurse).status()).isEqualTo(201);
		Response tooSoon = administer(session, Map.of("kind", "DEVICE"), this.nurse);
		assertThat(tooSoon.status()).isEqualTo(422);
		assertThat(tooSoon.body()).contains("DEVICE_INTERVAL");
		this.fixtures.rewind(session, 6);
		Response second = administer(session, Map.of("kind", "DEVICE"), this.nurse);
		assertThat(second.status()).as(second.body()).isEqualTo(201);
		assertThat(this.api.get(SESSIONS + "/" + session, this.nurse).json().get("state").asString())
			.isEqualTo("MONITORING");
		assertThat(administer(session, Map.of("kind", "DEVICE"), this.nurse).status()).as("all devices given")
			.isEqualTo(409);

		this.fixtures.rewind(session, 40);
		vitals(session, 150, 92, 84, 97, 15, null);
		event(session, Map.of("kind", "SEDATION", "moaas", 4), this.nurse);
		event(session, Map.of("kind", "DISSOCIATION", "cadssTotal", 18), this.therapist);
		this.fixtures.rewind(session, 50);
		vitals(session, 130, 84, 76, 98, 14, null);
		Response early = discharge(session, criteria());
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.json().get("remainingMinutes").asInt()).isBetween(29, 30);
		assertThat(early.body()).contains("Spravato REMS", "minutes remaining");
		assertThat(this.api
			.post(SESSIONS + "/" + session + "/ready-for-discharge", Map.of("criteria", criteria()), this.nurse)
			.status()).as("ready before the 2 hours are over (REMS form)").isEqualTo(200);
		assertThat(discharge(session, null).status()).isEqualTo(409);
		this.fixtures.rewind(session, 31);
		assertThat(discharge(session, null).status()).isEqualTo(200);

		assertThat(balance(this.esketamineLot)).isEqualTo(2800 - 56);
		JsonNode rems = this.api.get(SESSIONS + "/" + session + "/rems-summary", this.nurse).json();
		assertThat(rems.get("lots").toString()).contains(this.esketamineLot);
		assertThat(rems.get("doseMg").decimalValue()).isEqualByComparingTo("56");
		assertThat(rems.get("devices").asInt()).isEqualTo(2);
		assertThat(rems.get("bloodPressureAt40Minutes").asString()).isEqualTo("150/92");
		assertThat(rems.get("bloodPressureBeforeDischarge").asString()).isEqualTo("130/84");
		assertThat(rems.get("sedation").asBoolean()).isTrue();
		assertThat(rems.get("dissociation").asBoolean()).isTrue();
		assertThat(rems.get("respiratoryDepression").asBoolean()).isFalse();
		assertThat(rems.get("totalMonitoringMinutes").asInt()).isBetween(126, 128);

		// Spravato REMS Patient Monitoring Form: due within 7 days, on the prescribers'
		// task
		// list until its submission is recorded (spravatorems.com; issue 13).
		assertThat(rems.get("form").get("submittedAt").isNull()).as("not submitted yet").isTrue();
		assertThat(Duration.between(Instant.now(), Instant.parse(rems.get("form").get("dueBy").asString())).toHours())
			.isBetween(166L, 168L);
		String patient = this.api.get(SESSIONS + "/" + session, this.nurse)
			.json()
			.get("session")
			.get("patientId")
			.asString();
		assertThat(this.api.get("/api/v1/patients/" + patient + "/tasks", this.prescriber).body())
			.contains("REMS_MONITORING_FORM");
		Response bad = this.api.post(SESSIONS + "/" + session + "/rems-form",
				Map.of("submittedAt", Instant.now().toString()), this.nurse);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("\"field\":\"confirmationNumber\"");
		Response submitted = this.api.post(SESSIONS + "/" + session + "/rems-form",
				Map.of("submittedAt", Instant.now().toString(), "confirmationNumber", "FICTION-REMS-0001"), this.nurse);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
		assertThat(this.api.get(SESSIONS + "/" + session + "/rems-summary", this.nurse)
			.json()
			.get("form")
			.get("confirmationNumber")
			.asString()).isEqualTo("FICTION-REMS-0001");
		assertThat(this.api.get("/api/v1/patients/" + patient + "/tasks", this.prescriber).body())
			.as("the task is done")
			.doesNotContain("REMS_MONITORING_FORM");
	}

	@Test
	void lateEntriesKeepTheirRealTimeAndTheFutureIsRefused() {
		String session = checkedIn("IV_INFUSION", "IV_KETAMINE", 70);
		this.fixtures.rewind(session, 30);
		Response late = vitals(session, 124, 80, 72, 98, 14, Instant.now().minus(Duration.ofMinutes(20)));
		assertThat(late.status()).isEqualTo(201);
		assertThat(late.json().get("late").asBoolean()).isTrue();
		assertThat(vitals(session, 124, 80, 72, 98, 14, null).json().get("late").asBoolean()).isFalse();
		Response future = vitals(session, 124, 80, 72, 98, 14, Instant.now().plus(Duration.ofMinutes(10)));
		assertThat(future.status()).isEqualTo(400);
		assertThat(future.body()).contains("\"field\":\"at\"", "future");
		Response beforeCheckIn = vitals(session, 124, 80, 72, 98, 14, Instant.now().minus(Duration.ofHours(2)));
		assertThat(beforeCheckIn.status()).isEqualTo(400);
		Response invalid = this.api.post(SESSIONS + "/" + session + "/vitals", Map.of("systolic", 400, "heartRate", 72),
				this.nurse);
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.body()).contains("\"field\":\"systolic\"", "\"field\":\"diastolic\"");
		assertThat(this.jdbc.sql("select count(*) from dosing.vitals where session_id = ?::uuid")
			.param(session)
			.query(Long.class)
			.single()).as("nothing half-saved").isEqualTo(2);
	}

	@Test
	void concurrentReadingsAreEachStoredWithTheirAlertAndAuditRow() throws Exception {
		String session = checkedIn("IV_INFUSION", "IV_KETAMINE", 70);
		// The first reading starts the pre-dose checks (the locked path); the rest only
		// append, and are written together by the vitals writer.
		assertThat(vitals(session, 126, 80, 72, 98, 14, null).status()).isEqualTo(201);
		UUID patient = this.jdbc.sql("select patient_id from dosing.session where id = ?::uuid")
			.param(session)
			.query(UUID.class)
			.single();
		long auditBefore = auditCount(patient, "CREATE");
		int clients = 24;
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
		try {
			java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
			List<java.util.concurrent.Future<Response>> answers = new java.util.ArrayList<>();
			for (int i = 0; i < clients; i++) {
				// Every third reading is over the in-session alert threshold (HR > 120).
				int heartRate = (i % 3 == 0) ? 131 : 70 + i;
				answers.add(pool.submit(() -> {
					start.await();
					return vitals(session, 124, 80, heartRate, 98, 14, null);
				}));
			}
			start.countDown();
			int alerted = 0;
			for (java.util.concurrent.Future<Response> answer : answers) {
				Response r = answer.get(30, java.util.concurrent.TimeUnit.SECONDS);
				assertThat(r.status()).as(r.body()).isEqualTo(201);
				alerted += r.json().get("alerts").size();
			}
			assertThat(alerted).isEqualTo(8);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.sql("select count(*) from dosing.vitals where session_id = ?::uuid")
			.param(session)
			.query(Long.class)
			.single()).isEqualTo(clients + 1);
		assertThat(this.jdbc
			.sql("select count(*) from dosing.alert where session_id = ?::uuid and code = 'HEART_RATE_HIGH'")
			.param(session)
			.query(Long.class)
			.single()).isEqualTo(8);
		assertThat(auditCount(patient, "CREATE") - auditBefore).as("one audit row per reading").isEqualTo(clients);
		assertThat(this.api.get(SESSIONS + "/board", this.nurse).body()).as("the board shows the open alerts")
			.contains(session, "HEART_RATE_HIGH");
	}

	@Test
	void aReadingIsNeverDecidedOnAnOutdatedCopyOfTheSession() {
		String session = checkedIn("IV_INFUSION", "IV_KETAMINE", 70);
		assertThat(vitals(session, 126, 80, 72, 98, 14, null).status()).as("starts the checks").isEqualTo(201);
		assertThat(vitals(session, 124, 80, 72, 98, 14, null).json().get("held").asBoolean())
			.as("decided on a remembered copy of the session")
			.isFalse();
		// Another app instance holds the session behind this one's back.
		this.jdbc.sql("update dosing.session set held = true, hold_reason = 'pre-dose 150/95' where id = ?::uuid")
			.param(session)
			.update();

		// On the remembered copy this reading changes nothing; on the real row it
		// releases
		// the hold, and that is what happens.
		Response release = vitals(session, 122, 78, 70, 98, 14, null);
		assertThat(release.status()).isEqualTo(201);
		assertThat(release.json().get("held").asBoolean()).isFalse();
		assertThat(this.jdbc.sql("select held from dosing.session where id = ?::uuid")
			.param(session)
			.query(Boolean.class)
			.single()).isFalse();
		assertThat(this.jdbc.sql("select count(*) from dosing.vitals where session_id = ?::uuid")
			.param(session)
			.query(Long.class)
			.single()).as("stored once").isEqualTo(3);
	}

	@Test
	void aVitalsCheckThatIsDueAndNotRecordedTurnsOverdue() {
		String session = checkedIn("IV_INFUSION", "IV_KETAMINE", 70);
		JsonNode fresh = this.api.get(SESSIONS + "/" + session, this.nurse).json();
		assertThat(fresh.get("nextVitalsKind").asString()).isEqualTo("BASELINE");
		assertThat(fresh.get("vitalsOverdue").asBoolean()).isFalse();
		this.fixtures.rewind(session, 5);
		assertThat(this.api.get(SESSIONS + "/" + session, this.nurse).json().get("vitalsOverdue").asBoolean()).isTrue();
		assertThat(this.api.get(SESSIONS + "/board", this.nurse).body()).contains(session);
	}

	@Test
	void therapistsWriteNotesAndObservationsButNoDrugsOrVitals() {
		String session = checkedIn("KAP", "KAP_SL_KETAMINE", 70);
		Response note = event(session, Map.of("kind", "NOTE", "text", "Set intention: <b>kindness</b> toward self"),
				this.therapist);
		assertThat(note.status()).isEqualTo(201);
		assertThat(event(session, Map.of("kind", "INTERVENTION", "drug", "ondansetron", "dose", "4 mg"), this.therapist)
			.status()).isEqualTo(403);
		assertThat(vitals(session, 120, 80, 70, 98, 14, null, this.therapist).status()).isEqualTo(403);
		Response nausea = event(session, Map.of("kind", "SIDE_EFFECT", "effect", "NAUSEA", "severity", "MILD"),
				this.nurse);
		assertThat(nausea.status()).isEqualTo(201);
		Response severe = event(session, Map.of("kind", "ADVERSE_EVENT", "effect", "EMERGENCE_REACTION", "severity",
				"SEVERE", "text", "acute anxiety"), this.nurse);
		assertThat(severe.json().get("alerts").toString()).contains("ADVERSE_EVENT_SEVERE");
		assertThat(event(session, Map.of("kind", "SEDATION", "moaas", 1), this.nurse).json().get("alerts").toString())
			.contains("SEDATION_DEEP");
		assertThat(event(session, Map.of("kind", "SEDATION", "moaas", 7), this.nurse).status()).isEqualTo(400);
		assertThat(this.api.get(SESSIONS + "/" + session + "/timeline", this.nurse).body())
			.contains("Set intention: <b>kindness</b> toward self", "Nausea (mild)");
	}

	// --- helpers: the shared steps -------------------------------------------------

	private String checkedIn(String program, String protocol, double weightKg) {
		return this.steps.checkedIn(program, protocol, weightKg);
	}

	private void readyToOrder(String session) {
		this.steps.readyToOrder(session);
	}

	private Response checkIn(String patient, String protocol, String appointment, String token) {
		return this.steps.checkIn(patient, protocol, appointment, token);
	}

	private Response checklist(String session, Map<String, ?> items, String token) {
		return this.steps.checklist(session, items, token);
	}

	private Response vitals(String session, int sys, int dia, int hr, Integer spo2, Integer rr, Instant at) {
		return this.steps.vitals(session, sys, dia, hr, spo2, rr, at, this.nurse);
	}

	private Response vitals(String session, int sys, int dia, int hr, Integer spo2, Integer rr, Instant at,
			String token) {
		return this.steps.vitals(session, sys, dia, hr, spo2, rr, at, token);
	}

	private Response order(String session, Map<String, Object> body, String token) {
		return this.steps.order(session, body, token);
	}

	private Response administer(String session, Map<String, Object> body, String token) {
		return this.steps.administer(session, body, token);
	}

	private double balance(String lot) {
		return this.steps.balance(lot);
	}

	private Response event(String session, Map<String, Object> body, String token) {
		return this.steps.event(session, body, token);
	}

	private Response discharge(String session, Map<String, Object> criteria) {
		return this.steps.discharge(session, criteria);
	}

	private static Map<String, Object> criteria() {
		return DosingSteps.criteria();
	}

}
