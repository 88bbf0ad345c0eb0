package org.kapclinic.dosing;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;
import org.kapclinic.dosing.DosingFixtures.Ready;
import org.kapclinic.shared.ClinicTime;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cumulative exposure over the API (issue 19): the rolling windows from the dosing record
 * at their edge, and the order that would be a ninth session in 30 days (more than the
 * Spravato induction's 8 in four weeks, clinical.md §2.2; kap.safety.exposure.
 * caution-sessions) refused until the prescriber acknowledges it with a reason, which is
 * stored with the order.
 */
class ExposureIT extends IntegrationTest {

	@Autowired
	private DosingImport history;

	@Autowired
	private ClinicTime clinicTime;

	@Autowired
	private Clock clock;

	@Test
	void aNinthSessionIn30DaysIsOrderedOnlyWithAReasonAndTheWindowsEndWhereTheySay() {
		DosingSteps steps = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId);
		Ready ready = steps.fixtures().ready("IV_INFUSION", 80);
		UUID patient = UUID.fromString(ready.patientId());
		// Eight IV sessions 1 to 29 days ago, and one 30 days ago: outside the last 30
		// days.
		past().give(patient, 1, 4, 8, 11, 15, 18, 22, 29, 30);
		String prescriber = tokenFor("dr.quill");
		Response read = this.api.get("/api/v1/patients/" + patient + "/exposure", prescriber);
		assertThat(read.status()).as(read.body()).isEqualTo(200);
		JsonNode month = window(read.json(), "30D");
		assertThat(month.get("all").get("sessions").asInt()).as("30 days ago is outside the last 30 days").isEqualTo(8);
		assertThat(month.get("all").get("totalMg").decimalValue()).isEqualByComparingTo("320");
		assertThat(month.get("all").get("totalMgPerKg").decimalValue()).isEqualByComparingTo("4.0");
		assertThat(month.get("byRoute").get(0).get("label").asString()).isEqualTo("Intravenous infusion");
		assertThat(window(read.json(), "90D").get("all").get("sessions").asInt()).isEqualTo(9);
		assertThat(read.json().get("cautions")).as("8 sessions: the labelled induction's count, no caution").isEmpty();
		assertThat(this.api.get("/api/v1/patients/" + patient + "/exposure", tokenFor("desk.dale")).status())
			.as("front desk reads no clinical record")
			.isEqualTo(403);

		String session = steps.checkedIn(ready.patientId(), ready.appointmentId(), "IV_KETAMINE");
		steps.readyToOrder(session);
		Response refused = steps.order(session, Map.of("doseMgPerKg", 0.5), prescriber);
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.json().get("reasons").get(0).asString()).isEqualTo("EXPOSURE_CAUTION");
		assertThat(refused.json().get("detail").asString()).contains("9 dosing sessions in the last 30 days",
				"more than 8", "reason");
		assertThat(this.jdbc.sql("select count(*) from dosing.dose_order where session_id = ?::uuid")
			.param(session)
			.query(Integer.class)
			.single()).as("nothing half-saved").isZero();

		Response ordered = steps.order(session,
				Map.of("doseMgPerKg", 0.5, "exposureAcknowledgement",
						Map.of("reason", "Induction re-started after relapse; bladder screen clear (fiction)")),
				prescriber);
		assertThat(ordered.status()).as(ordered.body()).isEqualTo(201);
		assertThat(ordered.json().get("exposureAcknowledgement").asString()).contains("9 dosing sessions",
				"acknowledged: Induction re-started");
	}

	private static JsonNode window(JsonNode exposure, String code) {
		return exposure.get("windows")
			.valueStream()
			.filter((w) -> w.get("code").asString().equals(code))
			.findFirst()
			.orElseThrow();
	}

	private PastIvSessions past() {
		return new PastIvSessions(this.history, this.clinicTime, this.clock, userId("nurse.bell"), userId("dr.quill"));
	}

}
