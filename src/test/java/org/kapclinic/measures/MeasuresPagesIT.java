package org.kapclinic.measures;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.kapclinic.BrowserSession;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recording a PHQ-9 on the Measures tab updates the trajectory, the table and the CSV.
 */
class MeasuresPagesIT extends IntegrationTest {

	private String patientId;

	@BeforeEach
	void patient() {
		this.patientId = this.api
			.post("/api/v1/patients",
					Map.of("givenName", "Page", "familyName", "Trajectory", "birthDate", "1977-07-07",
							"confirmDuplicate", true),
					tokenFor("dr.quill"))
			.json()
			.get("id")
			.asString();
	}

	@Test
	void aPhq9EnteredOnThePageShowsInTheChartTableAndCsv() {
		BrowserSession prescriber = BrowserSession.signIn(this.port, "dr.quill", PASSWORD);
		String overview = "/patients/" + this.patientId + "/measures?instrument=PHQ-9";
		assertThat(prescriber.get(overview).statusCode()).isEqualTo(200);

		Map<String, String> answers = new HashMap<>();
		answers.put("instrument", "PHQ-9");
		for (int i = 0; i < 9; i++) {
			answers.put("answer-" + i, "2");
		}
		String entry = "/patients/" + this.patientId + "/measures/new?instrument=PHQ-9";
		HttpResponse<String> saved = prescriber.post(entry, "/patients/" + this.patientId + "/measures", answers);
		assertThat(saved.statusCode()).isEqualTo(302);

		HttpResponse<String> page = prescriber.get(overview);
		assertThat(page.body()).contains("trajectory-data", "moderately-severe", "18");
		HttpResponse<String> csv = prescriber.get("/patients/" + this.patientId + "/measures.csv?instrument=PHQ-9");
		assertThat(csv.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		assertThat(csv.body().lines().toList()).hasSize(2);
		assertThat(csv.body()).contains("PHQ-9", "18", "moderately-severe");
		assertThat(auditCount(java.util.UUID.fromString(this.patientId), "EXPORT"))
			.as("a download is audited as an export (issue 16 finding 5)")
			.isEqualTo(1);
	}

	@Test
	void theMeasuresTabFollowsTheCareTeamRule() {
		assertThat(BrowserSession.signIn(this.port, "nurse.fern", PASSWORD)
			.get("/patients/" + this.patientId + "/measures")
			.statusCode()).isEqualTo(404);
		assertThat(BrowserSession.signIn(this.port, "desk.dale", PASSWORD)
			.get("/patients/" + this.patientId + "/measures")
			.statusCode()).isEqualTo(403);
	}

}
