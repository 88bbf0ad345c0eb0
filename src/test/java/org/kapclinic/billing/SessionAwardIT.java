package org.kapclinic.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kapclinic.IntegrationTest;
import org.kapclinic.dosing.DosingSteps;
import org.kapclinic.ApiClient.Response;

/**
 * An access-fund award of sessions for a course (issue 20: "an award is an amount or a
 * number of sessions for a course"): it pays only for that course's sessions, counts a
 * session once however many payments its invoice takes, and stops at the number awarded.
 * The session reaches its course the way a booked one does (the course is on the dosing
 * session before discharge), and the charge learns it from the discharge.
 */
class SessionAwardIT extends IntegrationTest {

	@Test
	void anAwardOfSessionsPaysOnlyItsCoursesSessionsEachOnceUpToTheNumberAwarded() {
		String billing = tokenFor("billing.bright");
		String committee = tokenFor("fund.finch");
		assertThat(this.api.post("/api/v1/billing/fee-schedules", BillingIT.schedule(), tokenFor("admin")).status())
			.isEqualTo(201);
		DosingSteps steps = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId);
		String session = steps.checkedIn("ESKETAMINE", "ESKETAMINE_REMS", 80);
		String patient = this.jdbc.sql("select patient_id::text from dosing.session where id = ?::uuid")
			.param(session)
			.query(String.class)
			.single();
		String course = course(patient);
		String otherCourse = course(patient);
		this.jdbc.sql("update dosing.session set course_id = ?::uuid where id = ?::uuid")
			.params(course, session)
			.update();
		steps.dischargeEsketamine(session);
		LocalDate today = LocalDate.now();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.api.get("/api/v1/patients/" + patient + "/charges", billing).json().size() == 2);
		Map<String, String> period = Map.of("from", today.minusDays(2).toString(), "to", today.plusDays(1).toString());
		assertThat(this.api.post("/api/v1/billing/charges/post", period, billing).status()).isEqualTo(200);
		Response invoice = this.api.post("/api/v1/patients/" + patient + "/invoices", period, billing);
		assertThat(invoice.status()).as(invoice.body()).isEqualTo(201);
		String invoiceId = invoice.json().get("id").asString();
		donate(billing, 200_000);

		Response noCourse = decide(apply(patient), committee, 2, null);
		assertThat(noCourse.status()).isEqualTo(400);
		assertThat(noCourse.body()).contains("courseId");
		String ofOtherCourse = award(patient, committee, 1, otherCourse);
		Response wrongCourse = pay(invoiceId, 1_000, ofOtherCourse, billing);
		assertThat(wrongCourse.status()).as("the invoice bills none of that course's sessions").isEqualTo(422);
		assertThat(wrongCourse.body()).contains("NO_AWARDED_SESSION");

		String award = award(patient, committee, 2, course);
		assertThat(pay(invoiceId, 20_000, award, billing).status()).isEqualTo(201);
		assertThat(pay(invoiceId, 10_000, award, billing).status()).as("the same session again: counted once")
			.isEqualTo(201);
		assertThat(this.api.get("/api/v1/fund/awards?patientId=" + patient, billing).body())
			.contains("\"sessionsLeft\":1");

		String usedUp = award(patient, committee, 1, course);
		// The award has already paid for one session of its course on an earlier invoice.
		this.jdbc
			.sql("insert into fund.award_session (application_id, session_id, payment_id, at) "
					+ "values (?::uuid, ?, ?, now())")
			.params(usedUp, UUID.randomUUID(), UUID.randomUUID())
			.update();
		Response overCap = pay(invoiceId, 1_000, usedUp, billing);
		assertThat(overCap.status()).as(overCap.body()).isEqualTo(409);
		assertThat(overCap.body()).contains("INSUFFICIENT_AWARD", "0 of the 1 awarded sessions");
	}

	private String course(String patient) {
		Response started = this.api.post("/api/v1/patients/" + patient + "/courses",
				Map.of("templateCode", "ESKETAMINE_REMS", "outsideTherapist", "Dr. Ida Elsewhere (fictional)"),
				tokenFor("dr.quill"));
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		return started.json().get("id").asString();
	}

	private void donate(String token, long amount) {
		Map<String, Object> donation = new HashMap<>();
		donation.put("donorName", "Ottoline Plenty (fictional)");
		donation.put("anonymous", false);
		donation.put("amountMinor", amount);
		donation.put("currency", "USD");
		donation.put("restriction", "UNRESTRICTED");
		donation.put("receivedOn", LocalDate.now().minusDays(1).toString());
		donation.put("method", "TRANSFER");
		assertThat(this.api.post("/api/v1/fund/donations", donation, token).status()).isEqualTo(201);
	}

	private String apply(String patient) {
		Response applied = this.api.post("/api/v1/fund/applications", Map.of("patientId", patient, "householdSize", 1,
				"annualIncomeMinor", 1_200_000, "currency", "USD", "needStatement", "Self-pay (fictional)."),
				tokenFor("desk.dale"));
		assertThat(applied.status()).as(applied.body()).isEqualTo(201);
		return applied.json().get("id").asString();
	}

	private Response decide(String application, String token, int sessions, String course) {
		Map<String, Object> decision = new HashMap<>(Map.of("decision", "AWARDED", "amountMinor", 50_000, "restriction",
				"UNRESTRICTED", "reason", "Sessions of the course", "sessions", sessions));
		decision.put("courseId", course);
		return this.api.post("/api/v1/fund/applications/" + application + "/decision", decision, token);
	}

	private String award(String patient, String token, int sessions, String course) {
		String application = apply(patient);
		Response awarded = decide(application, token, sessions, course);
		assertThat(awarded.status()).as(awarded.body()).isEqualTo(200);
		assertThat(awarded.json().get("awardSessions").asInt()).isEqualTo(sessions);
		return application;
	}

	private Response pay(String invoiceId, long amount, String award, String token) {
		return this.api.post("/api/v1/payments",
				Map.of("invoiceId", invoiceId, "amountMinor", amount, "method", "FUND_AWARD", "fundAwardId", award),
				token);
	}

}
