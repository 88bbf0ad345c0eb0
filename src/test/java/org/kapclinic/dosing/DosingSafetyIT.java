package org.kapclinic.dosing;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's dosing rules through the API against the real database: the infusion rate,
 * the pre-dose blood-pressure ceiling and its co-signed override, pulse oximetry on IV
 * and IM readings, the open suicide-risk flag, ages per protocol and exact esketamine
 * doses.
 */
class DosingSafetyIT extends IntegrationTest {

	private static final String SESSIONS = DosingSteps.SESSIONS;

	private String prescriber;

	private String nurse;

	private DosingFixtures fixtures;

	private DosingSteps steps;

	@BeforeEach
	void setUp() {
		this.prescriber = tokenFor("dr.quill");
		this.nurse = tokenFor("nurse.bell");
		this.steps = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId);
		this.fixtures = this.steps.fixtures();
	}

	@Test
	@DisplayName("Rate change (Fava 2020 cap 1.5 mg/kg/h): prescribers only; at the cap accepted, 0.01 mg/kg/h above refused ABOVE_MAX_RATE")
	void infusionRate() {
		String session = this.steps.checkedIn("IV_INFUSION", "IV_KETAMINE", 80);
		this.steps.readyToOrder(session);
		assertThat(this.steps.order(session, Map.of("doseMgPerKg", 0.5), this.prescriber).status()).isEqualTo(201);
		assertThat(this.api.post(SESSIONS + "/" + session + "/order/verify", Map.of(), this.nurse).status())
			.isEqualTo(200);
		assertThat(this.steps.administer(session, Map.of("kind", "START"), this.nurse).status()).isEqualTo(201);
		assertThat(
				this.steps.administer(session, Map.of("kind", "RATE_CHANGE", "rateMgPerHour", 60), this.nurse).status())
			.as("nurses do not change the rate")
			.isEqualTo(403);
		assertThat(this.steps.administer(session, Map.of("kind", "RATE_CHANGE", "rateMgPerHour", 120), this.prescriber)
			.status()).as("120 mg/h at 80 kg is 1.5 mg/kg/h").isEqualTo(201);
		Response above = this.steps.administer(session, Map.of("kind", "RATE_CHANGE", "rateMgPerHour", 120.8),
				this.prescriber);
		assertThat(above.status()).isEqualTo(422);
		assertThat(above.body()).contains("ABOVE_MAX_RATE", "1.51 mg/kg/h");
	}

	@Test
	@DisplayName("Pre-dose ceiling 180/110 (Ketalar label §4): one prescriber cannot override; 409 COSIGNER_REQUIRED, then a co-signed override, both names audited")
	void preDoseCeilingNeedsACoSigner() {
		String session = this.steps.checkedIn("IV_INFUSION", "IV_KETAMINE", 80);
		Response high = this.steps.vitals(session, 180, 100, 80, 98, 14, null, this.nurse);
		assertThat(high.status()).as(high.body()).isEqualTo(201);
		assertThat(high.json().get("held").asBoolean()).isTrue();
		assertThat(high.json().get("holdReason").asString()).contains("ceiling", "co-signed");
		String override = SESSIONS + "/" + session + "/hold/override";
		Response alone = this.api.post(override, Map.of("reason", "patient anxious, known white-coat effect"),
				this.prescriber);
		assertThat(alone.status()).isEqualTo(409);
		assertThat(alone.body()).contains("COSIGNER_REQUIRED");
		Response self = this.api.post(override,
				Map.of("reason", "r", "coSigner", Map.of("username", "dr.quill", "password", "demo-clinic-2026")),
				this.prescriber);
		assertThat(self.status()).isEqualTo(422);
		assertThat(self.body()).contains("COSIGNER_SAME_USER");
		Response wrong = this.api.post(override,
				Map.of("reason", "r", "coSigner", Map.of("username", "nurse.bell", "password", "not-her-password")),
				this.prescriber);
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.body()).contains("COSIGNER_NOT_VERIFIED");
		Response cosigned = this.api.post(override, Map.of("reason", "rechecked manually 176/98, benefit outweighs",
				"coSigner", Map.of("username", "nurse.bell", "password", "demo-clinic-2026")), this.prescriber);
		assertThat(cosigned.status()).as(cosigned.body()).isEqualTo(204);
		assertThat(this.api.get(SESSIONS + "/" + session, this.nurse).json().get("session").get("held").asBoolean())
			.isFalse();
		assertThat(this.jdbc.sql("select detail from audit.entry where resource_id = ? and detail like 'hold%'")
			.param(session)
			.query(String.class)
			.list()).singleElement().asString().contains("dr.quill", "nurse.bell", "benefit outweighs");
	}

	@Test
	@DisplayName("179/109 is below the ceiling (Ketalar label §4 rule, 180/110 default): the ordinary hold, one prescriber overrides")
	void belowTheCeilingOnePrescriberOverrides() {
		String session = this.steps.checkedIn("IV_INFUSION", "IV_KETAMINE", 80);
		assertThat(this.steps.vitals(session, 179, 109, 80, 98, 14, null, this.nurse).json().get("held").asBoolean())
			.isTrue();
		assertThat(this.api
			.post(SESSIONS + "/" + session + "/hold/override", Map.of("reason", "repeat reading by hand 150/92"),
					this.prescriber)
			.status()).isEqualTo(204);
	}

	@Test
	@DisplayName("A ceiling hold is released by a recheck below the ceiling after rest (issue 13), not before")
	void ceilingHoldRecheckAfterRest() {
		String session = this.steps.checkedIn("IV_INFUSION", "IV_KETAMINE", 80);
		this.steps.vitals(session, 150, 112, 80, 98, 14, null, this.nurse);
		assertThat(this.steps.vitals(session, 128, 80, 72, 98, 14, null, this.nurse).json().get("held").asBoolean())
			.as("too soon after the reading at the ceiling")
			.isTrue();
		this.fixtures.rewind(session, 11);
		assertThat(this.jdbc
			.sql("update dosing.session set ceiling_held_at = ceiling_held_at - interval '11 minutes'"
					+ " where id = ?::uuid")
			.param(session)
			.update()).isEqualTo(1);
		assertThat(this.steps.vitals(session, 128, 80, 72, 98, 14, null, this.nurse).json().get("held").asBoolean())
			.isFalse();
	}

	@Test
	@DisplayName("SpO2 is required on every IV and IM reading (issue 13; REMS already for esketamine): 400 naming spo2, nothing stored")
	void pulseOximetryOnIvAndIm() {
		for (String[] program : List.of(new String[] { "IV_INFUSION", "IV_KETAMINE" },
				new String[] { "KAP", "KAP_IM_KETAMINE" })) {
			String session = this.steps.checkedIn(program[0], program[1], 75);
			Response missing = this.steps.vitals(session, 120, 80, 70, null, 14, null, this.nurse);
			assertThat(missing.status()).as(program[1]).isEqualTo(400);
			assertThat(missing.body()).contains("\"field\":\"spo2\"");
		}
		String sublingual = this.steps.checkedIn("KAP", "KAP_SL_KETAMINE", 75);
		assertThat(this.steps.vitals(sublingual, 120, 80, 70, null, 14, null, this.nurse).status())
			.as("SL keeps SpO2 optional")
			.isEqualTo(201);
	}

	@Test
	@DisplayName("An open suicide-risk flag blocks the order (409 OPEN_RISK_FLAG, clinical.md 4.1 same-day assessment) until a same-day review")
	void openRiskFlagBlocksTheOrder() {
		DosingFixtures.Ready ready = this.fixtures.ready("IV_INFUSION", 80);
		String session = this.steps.checkIn(ready.patientId(), "IV_KETAMINE", ready.appointmentId(), this.nurse)
			.json()
			.get("id")
			.asString();
		this.steps.readyToOrder(session);
		Map<String, Object> phq9 = new HashMap<>();
		phq9.put("instrument", "PHQ-9");
		phq9.put("answers", List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 0));
		assertThat(this.api.post("/api/v1/patients/" + ready.patientId() + "/measurements", phq9, this.prescriber)
			.status()).isEqualTo(201);
		Response blocked = this.steps.order(session, Map.of("doseMgPerKg", 0.5), this.prescriber);
		assertThat(blocked.status()).isEqualTo(409);
		assertThat(blocked.body()).contains("OPEN_RISK_FLAG");
		String flag = this.api.get("/api/v1/patients/" + ready.patientId() + "/flags", this.prescriber)
			.json()
			.get(0)
			.get("id")
			.asString();
		assertThat(this.api.post("/api/v1/flags/" + flag + "/reviews", Map.of("assessment",
				"passive thoughts, no plan or intent; protective factors", "plan", "proceed; safety plan reviewed"),
				this.prescriber)
			.status()).isEqualTo(201);
		assertThat(this.steps.order(session, Map.of("doseMgPerKg", 0.5), this.prescriber).status()).isEqualTo(201);
	}

	@Test
	@DisplayName("Esketamine ages (Spravato PI): 17 is refused AGE_OUTSIDE_PROTOCOL and ESKETAMINE_UNDER_18, 18 is checked in")
	void esketamineFrom18() {
		Response seventeen = checkInAged(17, "ESKETAMINE", "ESKETAMINE_REMS");
		assertThat(seventeen.status()).isEqualTo(422);
		assertThat(seventeen.body()).contains("AGE_OUTSIDE_PROTOCOL", "ESKETAMINE_UNDER_18");
		Response eighteen = checkInAged(18, "ESKETAMINE", "ESKETAMINE_REMS");
		assertThat(eighteen.body()).doesNotContain("AGE_OUTSIDE_PROTOCOL", "ESKETAMINE_UNDER_18");
	}

	@Test
	@DisplayName("Ages per protocol (clinical.md §6): a 17-year-old is outside sublingual KAP but within IV ketamine (Dwyer 2021, 13–17)")
	void adolescentsOnlyForIvAndIm() {
		assertThat(checkInAged(17, "KAP", "KAP_SL_KETAMINE").body()).contains("AGE_OUTSIDE_PROTOCOL");
		assertThat(checkInAged(17, "IV_INFUSION", "IV_KETAMINE").body()).doesNotContain("AGE_OUTSIDE_PROTOCOL");
	}

	@Test
	@DisplayName("Esketamine doses are exact and the first of a course is 56 mg (Spravato PI): 56.5 refused, 84 without a reason refused")
	void esketamineFirstSession() {
		String session = this.steps.checkedIn("ESKETAMINE", "ESKETAMINE_REMS", 80);
		this.steps.readyToOrder(session);
		assertThat(this.steps.order(session, Map.of("doseMg", 56.5), this.prescriber).body())
			.contains("DOSE_NOT_ALLOWED");
		Response first84 = this.steps.order(session, Map.of("doseMg", 84), this.prescriber);
		assertThat(first84.status()).isEqualTo(422);
		assertThat(first84.body()).contains("FIRST_DOSE_REASON_REQUIRED");
		Response reasoned = this.steps.order(session,
				Map.of("doseMg", 84, "override", Map.of("reason", "MDD with acute suicidal ideation, label 84 mg")),
				this.prescriber);
		assertThat(reasoned.status()).as(reasoned.body()).isEqualTo(201);
		assertThat(reasoned.json().get("overrideReason").asString()).contains("suicidal ideation");
	}

	/**
	 * A check-in for a patient who turns {@code years} today (whatever else is missing).
	 */
	private Response checkInAged(int years, String program, String protocol) {
		String born = LocalDate.now().minusYears(years).toString();
		List<Map<String, String>> guardians = (years < 18)
				? List.of(Map.of("name", "Fictional Guardian", "relationship", "parent", "phone", "555-0100"))
				: List.of();
		String patient = this.fixtures.patient("Aged" + years + UUID.randomUUID().toString().substring(0, 5), born,
				guardians);
		this.fixtures.weight(patient, 60, java.time.Instant.now().minus(Duration.ofHours(1)));
		String appointment = this.fixtures.appointment(patient, "PREPARATION", program);
		return this.steps.checkIn(patient, protocol, appointment, this.nurse);
	}

}
