package org.kapclinic.measures;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each treatment course has its own baseline: the last complete administration on or
 * before its first dose (clinical.md 4.2), as dosing reports doses through
 * {@link Measures#doseGiven}.
 */
class CourseBaselineIT extends IntegrationTest {

	private static final Duration DAY = Duration.ofDays(1);

	@Autowired
	private Measures measures;

	private String prescriber;

	private UUID patientId;

	private String path;

	@BeforeEach
	void patient() {
		this.prescriber = tokenFor("dr.quill");
		this.patientId = UUID.fromString(
				this.api
					.post("/api/v1/patients", Map.of("givenName", "Course", "familyName", "Baseline", "birthDate",
							"1979-03-03", "confirmDuplicate", true), this.prescriber)
					.json()
					.get("id")
					.asString());
		this.path = "/api/v1/patients/" + this.patientId;
	}

	@Test
	@DisplayName("Course baseline is the last complete PHQ-9 on or before the first dose within 30 days (clinical.md 4.2): 31 days before is no baseline, 30 days before is")
	void baselineWindowBoundary() {
		Instant firstDose = Instant.now().minus(Duration.ofDays(60)).truncatedTo(ChronoUnit.SECONDS);
		UUID course = UUID.randomUUID();
		phq9(24, firstDose.minus(DAY.multipliedBy(31)));
		this.measures.doseGiven(this.patientId, course, firstDose);
		phq9(10, firstDose.plus(DAY.multipliedBy(7)));

		JsonNode outside = summary("&courseId=" + course);
		assertThat(outside.get("baseline").isNull()).as("31 days before the first dose").isTrue();
		assertThat(outside.get("response").isNull()).isTrue();
		assertThat(outside.get("baselineUsed").get("rule").asString()).isEqualTo("LAST_BEFORE_FIRST_DOSE");
		assertThat(outside.get("courseId").asString()).isEqualTo(course.toString());

		phq9(20, firstDose.minus(DAY.multipliedBy(30)));
		JsonNode inside = summary("&courseId=" + course);
		assertThat(inside.get("baseline").asInt()).as("30 days before the first dose").isEqualTo(20);
		assertThat(inside.get("baselineUsed").get("administeredAt").asString())
			.isEqualTo(firstDose.minus(DAY.multipliedBy(30)).toString());
		assertThat(inside.get("baselineUsed").get("firstDoseAt").asString()).isEqualTo(firstDose.toString());
		assertThat(inside.get("latest").asInt()).isEqualTo(10);
		assertThat(inside.get("response").asBoolean()).as("20 -> 10 is a 50 % reduction").isTrue();
		assertThat(inside.get("measurements").asInt()).isEqualTo(2);
	}

	@Test
	@DisplayName("A second course has its own baseline (clinical.md 4.2: the pre-treatment baseline of that treatment episode); without courseId the current course is the one with the latest first dose")
	void secondCourseOwnBaseline() {
		Instant first = Instant.now().minus(Duration.ofDays(90)).truncatedTo(ChronoUnit.SECONDS);
		Instant second = first.plus(Duration.ofDays(50));
		UUID course1 = UUID.randomUUID();
		UUID course2 = UUID.randomUUID();
		phq9(22, first.minus(DAY));
		phq9(8, first.plus(DAY.multipliedBy(20)));
		phq9(16, second.minus(DAY));
		phq9(4, second.plus(DAY.multipliedBy(10)));
		this.measures.doseGiven(this.patientId, course1, first);
		this.measures.doseGiven(this.patientId, course2, second.plus(DAY));
		this.measures.doseGiven(this.patientId, course2, second);
		this.measures.doseGiven(this.patientId, course2, second.plus(DAY.multipliedBy(2)));
		this.measures.doseGiven(this.patientId, null, second.plus(DAY.multipliedBy(3)));

		JsonNode current = summary("");
		assertThat(current.get("courseId").asString()).isEqualTo(course2.toString());
		assertThat(current.get("baselineUsed").get("firstDoseAt").asString()).as("the earliest dose is kept")
			.isEqualTo(second.toString());
		assertThat(current.get("baseline").asInt()).isEqualTo(16);
		assertThat(current.get("latest").asInt()).isEqualTo(4);
		assertThat(current.get("remission").asBoolean()).isTrue();

		JsonNode earlier = summary("&courseId=" + course1);
		assertThat(earlier.get("baseline").asInt()).isEqualTo(22);
		assertThat(earlier.get("latest").asInt()).as("the course ends at the next course's first dose").isEqualTo(16);
		assertThat(earlier.get("measurements").asInt()).isEqualTo(3);
	}

	@Test
	@DisplayName("Without a recorded course dose the first complete administration is the baseline; an unknown courseId is 404")
	void noCourseKeepsFirstCompleteAndUnknownCourseIs404() {
		phq9(18, Instant.now().minus(Duration.ofDays(10)));
		phq9(9, Instant.now().minus(Duration.ofDays(1)));
		JsonNode summary = summary("");
		assertThat(summary.get("baseline").asInt()).isEqualTo(18);
		assertThat(summary.get("baselineUsed").get("rule").asString()).isEqualTo("FIRST_COMPLETE");
		assertThat(summary.get("courseId").isNull()).isTrue();
		assertThat(summary.get("meaningfulChange").get("kind").asString()).isEqualTo("RELIABLE_IMPROVEMENT");
		assertThat(summary.get("reliableImprovement").asBoolean()).as("18 -> 9 drops 9 >= 6").isTrue();

		Response unknown = this.api
			.get(this.path + "/measurements/summary?instrument=PHQ-9&courseId=" + UUID.randomUUID(), this.prescriber);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).contains("problem+json");
	}

	@Test
	@DisplayName("AUDIT publishes no response or remission (clinical.md 4.2): the summary reports null, never false")
	void auditJudgementsAreNull() {
		audit(20, Instant.now().minus(Duration.ofDays(10)));
		audit(4, Instant.now().minus(Duration.ofDays(1)));
		JsonNode summary = this.api.get(this.path + "/measurements/summary?instrument=AUDIT", this.prescriber).json();
		assertThat(summary.get("change").asInt()).isEqualTo(-16);
		assertThat(summary.get("response").isNull()).isTrue();
		assertThat(summary.get("remission").isNull()).isTrue();
	}

	private JsonNode summary(String query) {
		Response response = this.api.get(this.path + "/measurements/summary?instrument=PHQ-9" + query, this.prescriber);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private void phq9(int total, Instant at) {
		// at most 24, so item 9 (suicide risk) stays 0
		List<Integer> answers = ScorerTests.spread(total, 9, 3, 0);
		post(Map.of("instrument", "PHQ-9", "answers", answers, "administeredAt", at.toString()), total);
	}

	private void audit(int total, Instant at) {
		List<Integer> answers = new java.util.ArrayList<>(java.util.Collections.nCopies(10, 0));
		for (int i = 0, left = total; i < 8 && left > 0; i++) {
			answers.set(i, Math.min(4, left));
			left -= Math.min(4, left);
		}
		post(Map.of("instrument", "AUDIT", "answers", answers, "administeredAt", at.toString()), total);
	}

	private void post(Map<String, Object> body, int total) {
		Response response = this.api.post(this.path + "/measurements", new HashMap<>(body), this.prescriber);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.json().get("total").asInt()).isEqualTo(total);
	}

}
