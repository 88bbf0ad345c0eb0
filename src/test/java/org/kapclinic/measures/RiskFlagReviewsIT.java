package org.kapclinic.measures;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;
import org.kapclinic.shared.ClinicTime;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dated review of an open suicide-risk flag lets a dose go ahead that day (clinical.md
 * 4.1: same-day assessment), and MDQ's positive screen lands on the patient.
 */
class RiskFlagReviewsIT extends IntegrationTest {

	@Autowired
	private Measures measures;

	@Autowired
	private ClinicTime clinicTime;

	private String prescriber;

	private UUID patientId;

	private String path;

	@BeforeEach
	void patient() {
		this.prescriber = tokenFor("dr.quill");
		this.patientId = UUID.fromString(this.api
			.post("/api/v1/patients", Map.of("givenName", "Flag", "familyName", "Review", "birthDate", "1985-04-04",
					"confirmDuplicate", true), this.prescriber)
			.json()
			.get("id")
			.asString());
		this.path = "/api/v1/patients/" + this.patientId;
		this.api.put(this.path + "/care-team", Map.of("members", List.of(userId("therapist.cove"))), this.prescriber);
	}

	@Test
	@DisplayName("An open suicide-risk flag needs a review on the current clinic day (clinical.md 4.1): yesterday's review does not count, today's does")
	void reviewTodayVersusYesterday() {
		assertThat(this.measures.suicideRiskUnreviewedToday(this.patientId)).as("no flag").isFalse();
		phq9WithItem9();
		assertThat(this.measures.suicideRiskUnreviewedToday(this.patientId)).isTrue();
		String flagId = this.api.get(this.path + "/flags", this.prescriber).json().get(0).get("id").asString();
		String reviews = "/api/v1/flags/" + flagId + "/reviews";

		Response missingPlan = this.api.post(reviews, Map.of("assessment", "seen"), this.prescriber);
		assertThat(missingPlan.status()).isEqualTo(400);
		assertThat(missingPlan.body()).contains("plan");
		assertThat(this.api.post(reviews, Map.of("assessment", "x", "plan", "y"), tokenFor("admin")).status())
			.as("administrators are not clinicians")
			.isEqualTo(403);
		assertThat(this.jdbc.sql("select count(*) from measures.risk_flag_review where flag_id = ?::uuid")
			.param(flagId)
			.query(Integer.class)
			.single()).as("nothing half-saved").isZero();

		Response review = this.api.post(reviews,
				Map.of("assessment", "Passive ideation, no plan or intent", "plan", "Safety plan reviewed"),
				tokenFor("therapist.cove"));
		assertThat(review.status()).isEqualTo(201);
		assertThat(review.json().get("reviewedAt").asString()).isNotBlank();
		assertThat(review.json().get("reviewedBy").asString()).isEqualTo(userId("therapist.cove").toString());
		assertThat(this.measures.suicideRiskUnreviewedToday(this.patientId)).as("reviewed today").isFalse();

		JsonNode flags = this.api.get(this.path + "/flags", this.prescriber).json();
		assertThat(flags).as("the flag stays open").hasSize(1);
		assertThat(flags.get(0).get("reviews")).hasSize(1);
		assertThat(flags.get(0).get("reviews").get(0).get("plan").asString()).isEqualTo("Safety plan reviewed");
		assertThat(this.jdbc.sql("select count(*) from audit.entry where resource_id = ?")
			.param(review.json().get("id").asString())
			.query(Integer.class)
			.single()).as("audited").isPositive();

		// The same flag and review, one clinic day earlier: raised two days ago, reviewed
		// a minute before today began.
		Instant startOfToday = this.clinicTime.today(java.time.Clock.systemUTC())
			.atStartOfDay(this.clinicTime.timeZone())
			.toInstant();
		this.jdbc.sql("update measures.risk_flag set raised_at = ?, last_raised_at = ? where id = ?::uuid")
			.params(Timestamp.from(startOfToday.minus(Duration.ofDays(2))),
					Timestamp.from(startOfToday.minus(Duration.ofDays(2))), flagId)
			.update();
		this.jdbc.sql("update measures.risk_flag_review set reviewed_at = ? where flag_id = ?::uuid")
			.params(Timestamp.from(startOfToday.minus(Duration.ofMinutes(1))), flagId)
			.update();
		assertThat(this.measures.suicideRiskUnreviewedToday(this.patientId)).as("reviewed yesterday").isTrue();

		this.api.post(reviews, Map.of("assessment", "Seen again today", "plan", "Continue"), this.prescriber);
		assertThat(this.measures.suicideRiskUnreviewedToday(this.patientId)).as("reviewed today").isFalse();
		assertThat(this.api.get(this.path + "/flags", this.prescriber).json().get(0).get("reviews")).as("history kept")
			.hasSize(2);

		phq9WithItem9();
		assertThat(this.measures.suicideRiskUnreviewedToday(this.patientId))
			.as("a new risk answer after today's review needs a new review")
			.isTrue();

		this.api.post("/api/v1/flags/" + flagId + "/close", Map.of("assessment", "a", "plan", "b"), this.prescriber);
		assertThat(this.measures.suicideRiskUnreviewedToday(this.patientId)).as("closed").isFalse();
		assertThat(this.api.post(reviews, Map.of("assessment", "a", "plan", "b"), this.prescriber).status())
			.as("a closed flag takes no review")
			.isEqualTo(422);
	}

	@Test
	@DisplayName("MDQ positive (Hirschfeld 2000) through the API: 7 yes, part 2 yes, part 3 moderate flags the measurement and the patient; 6 yes does not")
	void mdqPositiveReachesThePatient() {
		Response negative = mdq(ScorerTests.mdqAnswers(6, 1, 3));
		assertThat(negative.status()).isEqualTo(201);
		assertThat(negative.json().get("flags")).isEmpty();
		assertThat(this.api.get(this.path + "/flags", this.prescriber).json()).isEmpty();

		Response positive = mdq(ScorerTests.mdqAnswers(7, 1, 2));
		assertThat(positive.status()).isEqualTo(201);
		assertThat(positive.json().get("total").asInt()).isEqualTo(7);
		assertThat(positive.json().get("flags").toString()).contains("mdq-positive");
		assertThat(positive.json().get("answers")).hasSize(15);
		JsonNode flags = this.api.get(this.path + "/flags", this.prescriber).json();
		assertThat(flags).hasSize(1);
		assertThat(flags.get(0).get("code").asString()).isEqualTo("mdq-positive");
		assertThat(this.measures.suicideRiskUnreviewedToday(this.patientId)).as("not a suicide-risk flag").isFalse();

		List<Integer> bad = ScorerTests.mdqAnswers(7, 1, 2);
		bad.set(14, 4);
		Response refused = mdq(bad);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("answers[14]");
	}

	@Test
	@DisplayName("QIDS-SR16 item scores are scored by the domain maximum (Rush 2003), never the 16-item sum")
	void qidsItemScoresThroughTheApi() {
		Map<String, Integer> items = new HashMap<>();
		for (int i = 1; i <= 16; i++) {
			items.put(String.valueOf(i), 2);
		}
		Response response = this.api.post(this.path + "/measurements",
				Map.of("instrument", "QIDS-SR16", "itemScores", items), this.prescriber);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.json().get("total").asInt()).as("9 domains x 2, not 16 x 2").isEqualTo(18);
		assertThat(response.json().get("flags").toString()).contains("suicide-risk");

		Response disagreeing = this.api.post(this.path + "/measurements",
				Map.of("instrument", "QIDS-SR16", "itemScores", items, "total", 32), this.prescriber);
		assertThat(disagreeing.status()).isEqualTo(400);
		assertThat(disagreeing.body()).contains("total");
	}

	private Response mdq(List<Integer> answers) {
		Map<String, Object> body = new HashMap<>();
		body.put("instrument", "MDQ");
		body.put("answers", new ArrayList<>(answers));
		return this.api.post(this.path + "/measurements", body, this.prescriber);
	}

	private void phq9WithItem9() {
		Map<String, Object> body = new HashMap<>();
		body.put("instrument", "PHQ-9");
		body.put("answers", List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 0));
		assertThat(this.api.post(this.path + "/measurements", body, this.prescriber).status()).isEqualTo(201);
	}

}
