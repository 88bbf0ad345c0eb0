package org.kapclinic.safety;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;
import org.kapclinic.dosing.DosingSteps;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lab results over the API (issue 19): ALT at 3.01 × the upper limit flags the prescriber
 * with an urgent task and 2.99 × does not (FDA drug-induced liver injury guidance, 2009);
 * bad input is refused field by field with nothing saved; who may record and read.
 */
class LabResultsIT extends IntegrationTest {

	@Test
	@DisplayName("ALT 3.01 × ULN opens an urgent task for the prescriber, 2.99 × ULN does not (FDA DILI guidance 2009)")
	void aTransaminaseAboveThreeTimesTheUpperLimitFlagsThePrescriber() {
		String patient = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId)
			.fixtures()
			.inCourse("KAP", 70, "MAINTENANCE_BOOSTER")
			.patientId();
		String labs = "/api/v1/patients/" + patient + "/lab-results";
		String nurse = tokenFor("nurse.bell");

		Response below = this.api.post(labs, alt(119.6), nurse);
		assertThat(below.status()).as(below.body()).isEqualTo(201);
		assertThat(below.json().get("flags").valueStream().map(JsonNode::asString).toList()).containsExactly("HIGH");
		assertThat(labTasks(patient)).as("2.99 × the upper limit: no task").isZero();

		Response above = this.api.post(labs, alt(120.4), nurse);
		assertThat(above.status()).as(above.body()).isEqualTo(201);
		assertThat(above.json().get("id").asString()).isNotBlank();
		assertThat(above.json().get("flags").valueStream().map(JsonNode::asString).toList()).containsExactly("HIGH",
				"PRESCRIBER_REVIEW");
		assertThat(above.json().get("flagLabels").toString()).contains("prescriber review");
		assertThat(labTasks(patient)).as("3.01 × the upper limit: an urgent task").isEqualTo(1);
		assertThat(this.api.get("/api/v1/patients/" + patient + "/tasks", tokenFor("dr.quill")).body())
			.contains("ALT (alanine aminotransferase) 120.4 U/L: above 3 × the upper limit (40)");

		JsonNode listed = this.api.get(labs, tokenFor("dr.quill")).json();
		assertThat(listed).hasSize(2);
		assertThat(listed.get(0).get("name").asString()).isEqualTo("ALT (alanine aminotransferase)");
		assertThat(listed.get(0).get("value").decimalValue()).isEqualByComparingTo("119.6");
	}

	@Test
	void badInputIsRefusedFieldByFieldWithNothingSavedAndOnlyNursesAndPrescribersRecord() {
		String patient = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId)
			.fixtures()
			.inCourse("KAP", 70, "KAP_IN_SESSION")
			.patientId();
		String labs = "/api/v1/patients/" + patient + "/lab-results";
		Map<String, Object> bad = new HashMap<>();
		bad.put("code", "9999-9");
		bad.put("value", -1);
		bad.put("unit", "");
		bad.put("collectedAt", Instant.now().plusSeconds(3600).toString());
		Response refused = this.api.post(labs, bad, tokenFor("dr.quill"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("code", "1742-6", "value", "unit", "referenceHigh", "collectedAt");
		assertThat(this.jdbc.sql("select count(*) from safety.lab_result where patient_id = ?::uuid")
			.param(patient)
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.api.post(labs, alt(50), tokenFor("therapist.cove")).status())
			.as("a therapist reads the chart but does not record labs")
			.isEqualTo(403);
		assertThat(this.api.get(labs, tokenFor("desk.dale")).status()).isEqualTo(403);
	}

	private static Map<String, Object> alt(double value) {
		return Map.of("code", "1742-6", "value", value, "unit", "U/L", "referenceLow", 7, "referenceHigh", 40,
				"collectedAt", Instant.now().minusSeconds(7200).toString());
	}

	private int labTasks(String patient) {
		return this.jdbc.sql("select count(*) from tasks.care_task where patient_id = ?::uuid and kind = 'LAB_REVIEW'")
			.param(patient)
			.query(Integer.class)
			.single();
	}

}
