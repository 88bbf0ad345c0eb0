package org.kapclinic.safety;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;
import org.kapclinic.dosing.DosingSteps;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A positive bladder symptom checklist (issue 19: ulcerative cystitis with repeated
 * ketamine, the ketamine labels' warnings) raises a flag that stays on the chart until
 * reviewed and opens a task to order a urinalysis and review it; a negative one raises
 * nothing.
 */
class BladderScreenIT extends IntegrationTest {

	@Test
	@DisplayName("One 'yes' on the bladder checklist flags the chart and tasks the care team; all 'no' does not")
	void aPositiveScreenFlagsTheChartAndOpensAReviewTask() {
		String patient = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId)
			.fixtures()
			.inCourse("KAP", 70, "MAINTENANCE_BOOSTER")
			.patientId();
		String nurse = tokenFor("nurse.bell");
		String measurements = "/api/v1/patients/" + patient + "/measurements";

		Response clear = this.api.post(measurements, checklist(List.of(0, 0, 0, 0, 0, 0)), nurse);
		assertThat(clear.status()).as(clear.body()).isEqualTo(201);
		assertThat(this.api.get("/api/v1/patients/" + patient + "/flags", nurse).body())
			.doesNotContain("bladder-symptoms");

		Response positive = this.api.post(measurements, checklist(List.of(0, 1, 0, 1, 0, 0)), nurse);
		assertThat(positive.status()).as(positive.body()).isEqualTo(201);
		assertThat(positive.json().get("flags").toString()).contains("bladder-symptoms");
		assertThat(this.api.get("/api/v1/patients/" + patient + "/flags", nurse).body()).contains("bladder-symptoms");
		assertThat(this.api.get("/api/v1/patients/" + patient + "/tasks", tokenFor("dr.quill")).body())
			.contains("Review: Bladder symptoms reported (assessment and plan)");
	}

	private static Map<String, Object> checklist(List<Integer> answers) {
		return Map.of("instrument", "BLADDER-CHECKLIST", "answers", answers, "administeredAt",
				Instant.now().minusSeconds(60).toString());
	}

}
