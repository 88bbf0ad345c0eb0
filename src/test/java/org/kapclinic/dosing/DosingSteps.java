package org.kapclinic.dosing;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kapclinic.ApiClient;
import org.kapclinic.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dosing API's steps as a clinician takes them, for the dosing integration tests: a
 * checked-in session, the checklist, vitals, an order, administrations drawn from the
 * test's lots, events and discharge.
 */
public final class DosingSteps {

	static final String SESSIONS = "/api/v1/dosing-sessions";

	private final ApiClient api;

	private final DosingFixtures fixtures;

	private final String nurse;

	private final String prescriber;

	private final String ketamineLot;

	private final String esketamineLot;

	DosingSteps(ApiClient api, DosingFixtures fixtures, String nurse, String prescriber, String ketamineLot,
			String esketamineLot) {
		this.api = api;
		this.fixtures = fixtures;
		this.nurse = nurse;
		this.prescriber = prescriber;
		this.ketamineLot = ketamineLot;
		this.esketamineLot = esketamineLot;
	}

	/**
	 * Steps as nurse.bell and dr.quill (both on every fixture patient's care team), with
	 * a fresh ketamine and esketamine lot.
	 */
	/**
	 * Steps on an app of the demo clinic running as its own process, with the database
	 * read as its owner (staff ids, consent versions).
	 */
	public static DosingSteps forDemoClinic(ApiClient api, org.springframework.jdbc.core.simple.JdbcClient owner) {
		return forDemoClinic(api, owner, (name) -> api.token(name, org.kapclinic.IntegrationTest.PASSWORD),
				(name) -> owner.sql("select id from identity.app_user where username = ?")
					.param(name)
					.query(UUID.class)
					.single());
	}

	public static DosingSteps forDemoClinic(ApiClient api, org.springframework.jdbc.core.simple.JdbcClient jdbc,
			java.util.function.Function<String, String> tokenFor, java.util.function.Function<String, UUID> userId) {
		String prescriber = tokenFor.apply("dr.quill");
		Map<String, UUID> users = new HashMap<>();
		for (String name : List.of("dr.quill", "nurse.bell", "therapist.cove")) {
			users.put(name, userId.apply(name));
		}
		DosingFixtures fixtures = new DosingFixtures(api, jdbc, tokenFor.apply("admin"), prescriber, users);
		return new DosingSteps(api, fixtures, tokenFor.apply("nurse.bell"), prescriber, fixtures.lot("KETAMINE"),
				fixtures.lot("ESKETAMINE"));
	}

	public DosingFixtures fixtures() {
		return this.fixtures;
	}

	public String checkedIn(String program, String protocol, double weightKg) {
		DosingFixtures.Ready ready = this.fixtures.ready(program, weightKg);
		Response created = checkIn(ready.patientId(), protocol, ready.appointmentId(), this.nurse);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	/** Checks the patient in for their booked appointment, as nurse.bell. */
	public String checkedIn(String patientId, String appointmentId, String protocol) {
		Response created = checkIn(patientId, protocol, appointmentId, this.nurse);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	/**
	 * An IV ketamine infusion started: checklist and vitals done, 0.5 mg/kg ordered by
	 * dr.quill and verified, the infusion started now.
	 */
	public void infusionStarted(String session) {
		readyToOrder(session);
		assertThat(order(session, Map.of("doseMgPerKg", 0.5), this.prescriber).status()).isEqualTo(201);
		assertThat(this.api.post(SESSIONS + "/" + session + "/order/verify", Map.of(), this.nurse).status())
			.isEqualTo(200);
		Response started = administer(session, Map.of("kind", "START"), this.nurse);
		assertThat(started.status()).as(started.body()).isEqualTo(201);
	}

	void readyToOrder(String session) {
		Map<String, Object> all = new HashMap<>();
		for (String item : List.of("FASTING", "RIDE_HOME", "PRE_SESSION_MEASURES", "INTERACTING_MEDICATIONS",
				"INTENTIONS_REVIEWED")) {
			all.put(item, true);
		}
		assertThat(checklist(session, all, this.nurse).status()).isEqualTo(200);
		assertThat(vitals(session, 126, 80, 72, 98, 14, null, this.nurse).status()).isEqualTo(201);
	}

	Response checkIn(String patient, String protocol, String appointment, String token) {
		return this.api.post(SESSIONS, Map.of("patientId", patient, "protocol", protocol, "appointmentId", appointment),
				token);
	}

	Response checklist(String session, Map<String, ?> items, String token) {
		return this.api.post(SESSIONS + "/" + session + "/checklist", Map.of("items", items), token);
	}

	public Response vitals(String session, int sys, int dia, int hr, Integer spo2, Integer rr, Instant at,
			String token) {
		Map<String, Object> body = new HashMap<>();
		body.put("systolic", sys);
		body.put("diastolic", dia);
		body.put("heartRate", hr);
		body.put("spo2", spo2);
		body.put("respiratoryRate", rr);
		if (at != null) {
			body.put("at", at.toString());
		}
		return this.api.post(SESSIONS + "/" + session + "/vitals", body, token);
	}

	Response order(String session, Map<String, Object> body, String token) {
		return this.api.post(SESSIONS + "/" + session + "/order", body, token);
	}

	/** Drug-giving kinds draw from this test's lot of the right product unless told. */
	Response administer(String session, Map<String, Object> body, String token) {
		Map<String, Object> request = new HashMap<>(body);
		String kind = String.valueOf(body.get("kind"));
		if (List.of("START", "ADDITIONAL", "DEVICE").contains(kind)) {
			request.putIfAbsent("lotId", "DEVICE".equals(kind) ? this.esketamineLot : this.ketamineLot);
		}
		return this.api.post(SESSIONS + "/" + session + "/administrations", request, token);
	}

	double balance(String lot) {
		return this.api.get("/api/v1/controlled-substances/lots/" + lot, this.prescriber)
			.json()
			.get("balanceMg")
			.asDouble();
	}

	Response event(String session, Map<String, Object> body, String token) {
		return this.api.post(SESSIONS + "/" + session + "/events", body, token);
	}

	Response discharge(String session, Map<String, Object> criteria) {
		return this.api.post(SESSIONS + "/" + session + "/discharge",
				(criteria != null) ? Map.of("criteria", criteria) : Map.of(), this.nurse);
	}

	/**
	 * An esketamine session given 56 mg (two devices) and discharged after the REMS two
	 * hours, the clock wound back with {@link DosingFixtures#rewind}.
	 */
	public String dischargedEsketamineSession() {
		String session = checkedIn("ESKETAMINE", "ESKETAMINE_REMS", 80);
		dischargeEsketamine(session);
		return session;
	}

	/**
	 * Gives a checked-in esketamine session 56 mg and discharges it after the REMS two
	 * hours.
	 */
	public void dischargeEsketamine(String session) {
		readyToOrder(session);
		assertThat(order(session, Map.of("doseMg", 56), this.prescriber).status()).isEqualTo(201);
		assertThat(administer(session, Map.of("kind", "DEVICE"), this.nurse).status()).isEqualTo(201);
		this.fixtures.rewind(session, 6);
		assertThat(administer(session, Map.of("kind", "DEVICE"), this.nurse).status()).isEqualTo(201);
		this.fixtures.rewind(session, 121);
		assertThat(vitals(session, 124, 80, 72, 98, 14, null, this.nurse).status()).isEqualTo(201);
		Response discharged = discharge(session, criteria());
		assertThat(discharged.status()).as(discharged.body()).isEqualTo(200);
	}

	static Map<String, Object> criteria() {
		Map<String, Object> criteria = new HashMap<>();
		for (String c : List.of("VITALS_NEAR_BASELINE", "ALERT_ORIENTED", "ESCORT_PRESENT", "INSTRUCTIONS_GIVEN",
				"CLINICALLY_STABLE")) {
			criteria.put(c, true);
		}
		return criteria;
	}

}
