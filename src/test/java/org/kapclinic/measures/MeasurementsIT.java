package org.kapclinic.measures;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.BrowserSession;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class MeasurementsIT extends IntegrationTest {

	private String prescriber;

	private String path;

	@BeforeEach
	void patientOnTherapistCovesTeam() {
		this.prescriber = tokenFor("dr.quill");
		String id = this.api
			.post("/api/v1/patients", Map.of("givenName", "Measure", "familyName", "Scorewell", "birthDate",
					"1982-02-02", "confirmDuplicate", true), this.prescriber)
			.json()
			.get("id")
			.asString();
		this.api.put("/api/v1/patients/" + id + "/care-team", Map.of("members", List.of(userId("therapist.cove"))),
				this.prescriber);
		this.path = "/api/v1/patients/" + id;
	}

	@Test
	void theLibraryListsFormsAndScoreEntries() {
		JsonNode instruments = this.api.get("/api/v1/instruments", this.prescriber).json();
		assertThat(instruments.toString()).contains("\"code\":\"PHQ-9\"", "\"mode\":\"FORM\"", "\"code\":\"MADRS\"",
				"\"mode\":\"SCORE_ENTRY\"");
	}

	@Test
	void aPhq9IsScoredStoredAndReadBackNewestFirst() {
		Response first = phq9(2, 2, 2, 2, 2, 2, 2, 2, 0, 1);
		assertThat(first.status()).isEqualTo(201);
		assertThat(first.json().get("total").asInt()).isEqualTo(16);
		assertThat(first.json().get("severity").asString()).isEqualTo("moderately-severe");
		assertThat(first.json().get("complete").asBoolean()).isTrue();
		assertThat(phq9(1, 1, 0, 0, 1, 0, 0, 0, 0, 0).json().get("severity").asString()).isEqualTo("minimal");

		JsonNode list = this.api.get(this.path + "/measurements?instrument=PHQ-9", this.prescriber).json();
		assertThat(list).hasSize(2);
		assertThat(list.get(0).get("total").asInt()).as("newest first").isEqualTo(3);
	}

	@Test
	void outOfRangeAnswersAre400AndNothingIsStored() {
		Response bad = phq9(4, 0, 0, 0, 0, 0, 0, 0, 0, 0);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("answers[0]");
		assertThat(this.api.get(this.path + "/measurements", this.prescriber).json()).isEmpty();
		assertThat(this.api
			.post(this.path + "/measurements", Map.of("instrument", "NOPE-1", "answers", List.of(1)), this.prescriber)
			.status()).isEqualTo(400);
	}

	@Test
	void item9OpensASuicideRiskFlagThatOnlyADocumentedAssessmentCloses() {
		phq9(1, 1, 1, 1, 1, 1, 1, 1, 1, 0);
		phq9(0, 0, 0, 0, 0, 0, 0, 0, 2, 0);
		JsonNode flags = this.api.get(this.path + "/flags", this.prescriber).json();
		assertThat(flags).as("one open flag per patient and code").hasSize(1);
		assertThat(flags.get(0).get("code").asString()).isEqualTo("suicide-risk");
		String close = "/api/v1/flags/" + flags.get(0).get("id").asString() + "/close";

		assertThat(this.api.post(close, Map.of("assessment", "seen today"), this.prescriber).body()).contains("plan");
		assertThat(this.api.post(close, Map.of("assessment", "x", "plan", "y"), tokenFor("admin")).status())
			.as("administrators are not clinicians")
			.isEqualTo(403);
		assertThat(this.api.post(close, Map.of("assessment", "x", "plan", "y"), tokenFor("therapist.wren")).status())
			.as("not on the care team")
			.isEqualTo(404);
		String chart = this.path.replace("/api/v1", "");
		assertThat(BrowserSession.signIn(this.port, "therapist.cove", PASSWORD).get(chart).body())
			.contains("Open suicide-risk flag");
		assertThat(BrowserSession.signIn(this.port, "desk.dale", PASSWORD).get(chart).body())
			.as("no clinical alerts for the front desk")
			.doesNotContain("suicide-risk");
		Response closed = this.api
			.post(close,
					Map.of("assessment", "Passive ideation, no plan or intent; protective factors reviewed", "plan",
							"Safety plan updated; crisis line given; review at next session"),
					tokenFor("therapist.cove"));
		assertThat(closed.status()).isEqualTo(200);
		assertThat(this.api.get(this.path + "/flags", this.prescriber).json()).isEmpty();
		assertThat(BrowserSession.signIn(this.port, "therapist.cove", PASSWORD).get(chart).body())
			.doesNotContain("Open suicide-risk flag");
	}

	@Test
	void theSummaryJudgesResponseRemissionAndReliableImprovement() {
		phq9(2, 2, 2, 2, 2, 2, 2, 2, 0, 0);
		phq9(1, 1, 0, 0, 1, 0, 0, 0, 0, 0);

		JsonNode summary = this.api.get(this.path + "/measurements/summary?instrument=PHQ-9", this.prescriber).json();
		assertThat(summary.get("baseline").asInt()).isEqualTo(16);
		assertThat(summary.get("latest").asInt()).isEqualTo(3);
		assertThat(summary.get("change").asInt()).isEqualTo(-13);
		assertThat(summary.get("percentChange").asDouble()).isEqualTo(81.3);
		assertThat(summary.get("response").asBoolean()).isTrue();
		assertThat(summary.get("remission").asBoolean()).isTrue();
		assertThat(summary.get("reliableImprovement").asBoolean()).isTrue();
		assertThat(summary.get("ruleVersion").asString()).isNotBlank();
	}

	@Test
	void scoreEntryAndCssrs() {
		assertThat(
				this.api.post(this.path + "/measurements", Map.of("instrument", "MADRS", "total", 22), this.prescriber)
					.json()
					.get("severity")
					.asString())
			.isEqualTo("moderate");
		Response cssrs = this.api.post(this.path + "/measurements", Map.of("instrument", "C-SSRS", "risk", "high"),
				this.prescriber);
		assertThat(cssrs.status()).isEqualTo(201);
		assertThat(cssrs.json().get("flags").toString()).contains("suicide-risk");
	}

	@Test
	void frontDeskSeesNoScores() {
		assertThat(this.api.get(this.path + "/measurements", tokenFor("desk.dale")).status()).isEqualTo(403);
		assertThat(this.api
			.post(this.path + "/measurements", Map.of("instrument", "PHQ-2", "answers", List.of(1, 1)),
					tokenFor("desk.dale"))
			.status()).isEqualTo(403);
	}

	private Response phq9(Integer... answers) {
		Map<String, Object> body = new HashMap<>();
		body.put("instrument", "PHQ-9");
		body.put("answers", new ArrayList<>(List.of(answers)));
		return this.api.post(this.path + "/measurements", body, this.prescriber);
	}

}
