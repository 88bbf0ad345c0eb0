package org.kapclinic.reports;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;
import org.kapclinic.dosing.DosingFixtures.ReadyInCourse;
import org.kapclinic.dosing.DosingSteps;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The practice outcomes report (issue 18) against the database: the read model kept
 * current by the clinical events, a fixed synthetic cohort checked figure by figure
 * against values computed here, small-cell and complementary suppression at n = 10 vs 11,
 * and who may see it.
 */
class OutcomesReportIT extends IntegrationTest {

	private static final String REPORT = "/api/v1/reports/outcomes";

	/** The fixed cohort's first doses fall in 1999: no other test doses then. */
	private static final String COHORT = "?instrument=PHQ-9&from=1999-01-01&to=1999-12-31";

	@Test
	void aScoreAndADoseRecordedThroughTheApiReachTheReadModel() {
		DosingSteps steps = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId);
		ReadyInCourse ready = steps.fixtures().readyInCourse("IV_INFUSION", 80);
		String prescriber = tokenFor("dr.quill");
		phq9(ready.patientId(), 2, Instant.now().minus(Duration.ofDays(2)), prescriber);
		String session = steps.checkedIn(ready.patientId(), ready.appointmentId(), "IV_KETAMINE");
		steps.infusionStarted(session);
		Map<String, Object> row = awaitRow(ready.courseId(), "PHQ-9", "baseline is not null");
		assertThat(row).containsEntry("program", "IV_INFUSION").containsEntry("route", "IV");
		assertThat(row).containsEntry("age_band", "26-45").containsEntry("sex_at_birth", "MALE");
		assertThat(row.get("sessions")).isEqualTo(1);
		assertThat(((Number) row.get("baseline")).doubleValue()).as("eight items at 2, item 9 at 0").isEqualTo(16.0);
		assertThat(row.get("eoc_total")).as("nothing after the dose yet").isNull();

		phq9(ready.patientId(), 0, Instant.now().plusSeconds(1), prescriber);
		Map<String, Object> followedUp = awaitRow(ready.courseId(), "PHQ-9", "eoc_total is not null");
		assertThat(((Number) followedUp.get("eoc_total")).doubleValue()).isEqualTo(0.0);
		assertThat(followedUp.get("eoc_response")).as("16 to 0: at least a 50 % drop (PHQ-9 response)").isEqualTo(true);
		assertThat(followedUp.get("eoc_remission")).as("0 < 5 (PHQ-9 remission)").isEqualTo(true);
		Double[] weekly = this.jdbc
			.sql("select weekly from reports.course_outcome where course_id = ?::uuid and instrument = 'PHQ-9'")
			.param(ready.courseId())
			.query((rs, n) -> (Double[]) rs.getArray(1).getArray())
			.single();
		assertThat(weekly).as("week 0 the baseline, week 1 the score a second after the dose")
			.containsExactly(16.0, 0.0);
		Map<String, Object> course = awaitRow(ready.courseId(), "*", "true");
		assertThat(course.get("sessions")).isEqualTo(1);
		assertThat(course.get("unmonitored_sessions")).as("the infusion started; no vital signs after the dose yet")
			.isEqualTo(1);
	}

	@Test
	void aFixedCohortMatchesTheFiguresComputedByHandAndSmallCellsAreSuppressed() {
		List<double[]> kap = new ArrayList<>();
		List<double[]> iv = new ArrayList<>();
		// baseline, end of course, 3 months (NaN: none), 6 months (NaN: none)
		double[][] scores = { { 20, 9, 8, 7 }, { 18, 12, 10, 9 }, { 22, 15, 14, 12 }, { 16, 6, 5, 4 }, { 19, 10, 9, 8 },
				{ 24, 18, 16, 15 }, { 17, 8, 7, 6 }, { 21, 11, 10, 9 }, { 15, 9, 8, 7 }, { 23, 14, 12, 11 },
				{ 20, 16, 15, Double.NaN }, { 18, 7, Double.NaN, Double.NaN }, { 19, 13, Double.NaN, Double.NaN },
				{ 25, 20, Double.NaN, Double.NaN }, { 14, 6, Double.NaN, Double.NaN },
				{ 22, 10, Double.NaN, Double.NaN }, { 17, 12, Double.NaN, Double.NaN },
				{ 20, 14, Double.NaN, Double.NaN }, { 16, 9, Double.NaN, Double.NaN },
				{ 21, 17, Double.NaN, Double.NaN }, { 18, 11, Double.NaN, Double.NaN },
				{ 23, 13, Double.NaN, Double.NaN } };
		this.jdbc.sql("delete from reports.course_outcome where first_dose_at < '2000-01-01'").update();
		for (int i = 0; i < scores.length; i++) {
			boolean isKap = i < 12;
			(isKap ? kap : iv).add(scores[i]);
			UUID course = UUID.randomUUID();
			UUID patient = UUID.randomUUID();
			Instant firstDose = Instant.parse("1999-03-01T15:00:00Z").plus(Duration.ofDays(i));
			insert(course, "*", patient, isKap, firstDose, null, i);
			insert(course, "PHQ-9", patient, isKap, firstDose, scores[i], i);
		}

		String admin = tokenFor("admin");
		int auditedBefore = auditedReports();
		Response response = this.api.get(REPORT + COHORT, admin);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode report = response.json();
		assertThat(report.get("cohort").toString()).as(response.body()).doesNotContain("suppressed");
		assertThat(report.get("cohort").get("courses").asInt()).isEqualTo(22);
		JsonNode eoc = window(report.get("windows"), "END_OF_COURSE");
		assertThat(eoc.get("n").asInt()).isEqualTo(22);
		assertThat(eoc.get("lostToFollowUp").asInt()).as("none lost: a zero is shown").isZero();
		Expected expected = Expected.of(scores, 1);
		JsonNode change = eoc.get("change");
		assertThat(change.get("baselineMean").asDouble()).isCloseTo(expected.baselineMean, within(1e-9));
		assertThat(change.get("baselineSd").asDouble()).isCloseTo(expected.baselineSd, within(1e-9));
		assertThat(change.get("followUpMean").asDouble()).isCloseTo(expected.followUpMean, within(1e-9));
		assertThat(change.get("changeMean").asDouble()).isCloseTo(expected.changeMean, within(1e-9));
		assertThat(change.get("changeSd").asDouble()).isCloseTo(expected.changeSd, within(1e-9));
		assertThat(change.get("ciLow").asDouble()).isCloseTo(expected.ciLow, within(1e-9));
		assertThat(change.get("ciHigh").asDouble()).isCloseTo(expected.ciHigh, within(1e-9));
		assertThat(change.get("p").asDouble()).isCloseTo(expected.p, within(1e-12));
		assertThat(change.get("dz").asDouble()).isCloseTo(expected.changeMean / expected.changeSd, within(1e-9));
		assertThat(change.get("dav").asDouble())
			.isCloseTo(expected.changeMean / ((expected.baselineSd + expected.followUpSd) / 2), within(1e-9));
		assertThat(eoc.get("responseRate").asDouble()).as("11 of 22 met the response definition").isEqualTo(0.5);
		assertThat(eoc.get("remissionRate").get("suppressed").asBoolean()).as("3 in remission: fewer than 11").isTrue();
		assertThat(eoc.get("meaningfulChangeRate").isNull()).as("no judgement stored: shown as not defined").isTrue();

		JsonNode threeMonths = window(report.get("windows"), "3M");
		assertThat(threeMonths.get("n").asInt()).as("11 followed up: shown").isEqualTo(11);
		assertThat(threeMonths.get("lostToFollowUp").asInt()).isEqualTo(11);
		assertThat(threeMonths.get("change").get("changeMean").asDouble()).isCloseTo(Expected.of(scores, 2).changeMean,
				within(1e-9));
		JsonNode sixMonths = window(report.get("windows"), "6M");
		assertThat(sixMonths.get("n").get("suppressed").asBoolean()).as("10 followed up: suppressed").isTrue();
		assertThat(sixMonths.get("lostToFollowUp").get("suppressed").asBoolean())
			.as("12 lost, but 22 − 12 would give the 10: suppressed with it")
			.isTrue();
		assertThat(sixMonths.get("change").get("suppressed").asBoolean()).isTrue();
		assertThat(sixMonths.get("withBaseline").asInt()).isEqualTo(22);

		JsonNode programs = report.get("breakdowns").get("program").get("groups");
		assertThat(programs).hasSize(2);
		for (JsonNode group : programs) {
			assertThat(group.get("withBaseline").get("suppressed").asBoolean())
				.as(group.get("code").asString()
						+ ": 12 KAP courses would show, but with the overall 22 they give IV's 10: both hidden")
				.isTrue();
			assertThat(group.get("windows")).isEmpty();
		}

		JsonNode integration = report.get("breakdowns").get("integration").get("groups");
		assertThat(integration).as("dose-response by integration sessions attended: none in this cohort").hasSize(1);
		assertThat(integration.get(0).get("label").asString()).isEqualTo("No integration session");
		assertThat(integration.get(0).get("withBaseline").asInt()).isEqualTo(22);

		JsonNode transitions = report.get("bandTransitions");
		assertThat(transitions.get("window").asString()).isEqualTo("END_OF_COURSE");
		JsonNode severe = transitions.get("rows")
			.valueStream()
			.filter((row) -> row.get("baselineBand").asString().equals("moderately-severe"))
			.findFirst()
			.orElseThrow();
		assertThat(severe.get("total").asInt()).isEqualTo(22);
		List<String> bands = transitions.get("bands").valueStream().map(JsonNode::asString).toList();
		assertThat(severe.get("followUp").get(bands.indexOf("mild")).asInt()).isEqualTo(11);
		assertThat(severe.get("followUp").get(bands.indexOf("moderate")).asInt()).isEqualTo(11);
		assertThat(severe.get("followUp").get(bands.indexOf("severe")).asInt()).as("zero identifies nobody: shown")
			.isZero();

		double best = 0;
		double worst = -100;
		for (double[] course : scores) {
			double percent = 100 * (course[1] - course[0]) / course[0];
			best = Math.min(best, percent);
			worst = Math.max(worst, percent);
		}
		JsonNode waterfall = report.get("waterfall").get("percentChangeByPercentile");
		assertThat(waterfall).as("percentiles 0 to 100").hasSize(101);
		assertThat(waterfall.get(0).asDouble()).as("the best course").isEqualTo(Math.round(best * 10) / 10.0);
		assertThat(waterfall.get(100).asDouble()).as("the worst course").isEqualTo(Math.round(worst * 10) / 10.0);
		assertThat(ivOnlyWaterfall(admin).get("suppressed").asBoolean()).as("10 IV courses").isTrue();

		assertThat(report.get("safety").get("sessions").asInt()).isEqualTo(22 * 6);
		assertThat(report.get("safety").get("heldSessions").asInt()).isEqualTo(11);
		assertThat(report.get("safety").get("heldPer100Sessions").asDouble()).isEqualTo(8.3);
		assertThat(report.get("safety").get("alerts").asInt()).isZero();
		assertThat(report.get("safety").get("sessionsWithoutMonitoring").asInt())
			.as("every session monitored: a zero is shown")
			.isZero();
		JsonNode events = report.get("safety").get("adverseEvents");
		assertThat(events.get(0).get("effectLabel").asString()).isEqualTo("Nausea");
		assertThat(events.get(0).get("severityLabel").asString()).isEqualTo("Mild");
		assertThat(events.get(0).get("events").asInt()).isEqualTo(11);
		assertThat(events.get(0).get("per100Sessions").asDouble()).as("11 in 132 sessions").isEqualTo(8.3);
		assertThat(events.get(1).get("effect").asString()).isEqualTo("HEADACHE");
		assertThat(events.get(1).get("events").get("suppressed").asBoolean()).as("3 headaches").isTrue();
		assertThat(events.get(1).get("per100Sessions").get("suppressed").asBoolean()).isTrue();

		Response adults = this.api.get(REPORT + COHORT + "&ageBand=26-45", admin);
		assertThat(adults.json().get("cohortDefinition").get("ageBand").asString()).as("the code the API reads")
			.isEqualTo("26-45");
		assertThat(adults.json().get("cohort").get("courses").asInt()).isEqualTo(22);
		Response kapOnly = this.api.get(REPORT + COHORT + "&program=KAP&window=END_OF_COURSE", admin);
		assertThat(window(kapOnly.json().get("windows"), "END_OF_COURSE").get("n").asInt()).isEqualTo(12);
		assertThat(kapOnly.json().get("windows")).hasSize(1);
		Response ivOnly = this.api.get(REPORT + COHORT + "&program=IV_INFUSION", admin);
		assertThat(window(ivOnly.json().get("windows"), "END_OF_COURSE").get("change").get("suppressed").asBoolean())
			.as("10 IV courses")
			.isTrue();
		awaitAudited(auditedBefore + 5);
		assertThat(auditedReports()).as("each of the five reports is audited with its cohort")
			.isEqualTo(auditedBefore + 5);
	}

	@Test
	void onlyAdministratorsAndPrescribersSeeTheReportAndBadParametersAreNamed() {
		for (String user : List.of("therapist.cove", "nurse.bell", "desk.dale")) {
			assertThat(this.api.get(REPORT + COHORT, tokenFor(user)).status()).as(user).isEqualTo(403);
		}
		assertThat(this.api.get(REPORT + COHORT, tokenFor("dr.quill")).status()).isEqualTo(200);
		Response badWindow = this.api.get(REPORT + COHORT + "&window=2M", tokenFor("admin"));
		assertThat(badWindow.status()).isEqualTo(400);
		assertThat(badWindow.body()).contains("window", "END_OF_COURSE, 1M, 3M, 6M, 12M");
		Response badCondition = this.api.get(REPORT + COHORT + "&condition=depression", tokenFor("admin"));
		assertThat(badCondition.status()).isEqualTo(400);
		assertThat(badCondition.body()).contains("condition");
		assertThat(this.api.get(REPORT + "?instrument=NOPE-1", tokenFor("admin")).body()).contains("instrument");
	}

	private JsonNode ivOnlyWaterfall(String admin) {
		return this.api.get(REPORT + COHORT + "&program=IV_INFUSION", admin)
			.json()
			.get("waterfall")
			.get("percentChangeByPercentile");
	}

	/** Audit rows of reports over this test's cohort (first doses in 1999). */
	private int auditedReports() {
		return this.jdbc.sql("""
				select count(*) from audit.entry
				where resource_type = 'OutcomesReport' and detail like '%from=1999-01-01 to=1999-12-31%'""")
			.query(Integer.class)
			.single();
	}

	/** The audit trail is written in batches: waits until it holds {@code count}. */
	private void awaitAudited(int count) {
		for (int attempt = 0; attempt < 50 && auditedReports() < count; attempt++) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void phq9(String patient, int perItem, Instant at, String token) {
		// Items 1-8 at perItem, item 9 (self-harm) and 10 (difficulty, unscored) at 0.
		List<Integer> answers = new ArrayList<>(java.util.Collections.nCopies(8, perItem));
		answers.add(0);
		answers.add(0);
		Response recorded = this.api.post("/api/v1/patients/" + patient + "/measurements",
				Map.of("instrument", "PHQ-9", "answers", answers, "administeredAt", at.toString()), token);
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
	}

	/** The read model's row, once the asynchronous listener has written what is asked. */
	private Map<String, Object> awaitRow(String course, String instrument, String condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (true) {
			List<Map<String, Object>> rows = this.jdbc
				.sql("select * from reports.course_outcome where course_id = ?::uuid and instrument = ? and "
						+ condition)
				.params(course, instrument)
				.query()
				.listOfRows();
			if (!rows.isEmpty()) {
				return rows.get(0);
			}
			assertThat(System.nanoTime()).as("the read model row of " + instrument + " where " + condition)
				.isLessThan(deadline);
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private void insert(UUID course, String instrument, UUID patient, boolean kap, Instant firstDose, double[] s,
			int i) {
		boolean scored = s != null;
		this.jdbc
			.sql("""
					insert into reports.course_outcome (course_id, instrument, patient_id, program, route, condition, age_band,
					    sex_at_birth, first_dose_at, last_dose_at, sessions, mg_per_kg, held_sessions, alerts, baseline,
					    baseline_at, baseline_band, eoc_total, eoc_at, eoc_band, eoc_response, eoc_remission,
					    m3_total, m3_at, m6_total, m6_at, adverse_events, rules_version, updated_at)
					values (?, ?, ?, ?, ?, 'F33.1', '26-45', 'FEMALE', ?, ?, 6, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
					    ?::jsonb, 'test', now())""")
			.params(course, instrument, patient, kap ? "KAP" : "IV_INFUSION", kap ? "IM" : "IV",
					Timestamp.from(firstDose), Timestamp.from(firstDose.plus(Duration.ofDays(20))), kap ? 0.75 : 0.5,
					(i % 2 == 0) ? 1 : 0, scored ? s[0] : null,
					scored ? Timestamp.from(firstDose.minus(Duration.ofDays(3))) : null,
					scored ? "moderately-severe" : null, scored ? s[1] : null,
					scored ? Timestamp.from(firstDose.plus(Duration.ofDays(20))) : null,
					scored ? ((i % 2 == 0) ? "mild" : "moderate") : null, scored ? (i % 2 == 0) : null,
					scored ? (i < 3) : null, scored && !Double.isNaN(s[2]) ? s[2] : null,
					scored && !Double.isNaN(s[2]) ? Timestamp.from(firstDose.plus(Duration.ofDays(90))) : null,
					scored && !Double.isNaN(s[3]) ? s[3] : null,
					scored && !Double.isNaN(s[3]) ? Timestamp.from(firstDose.plus(Duration.ofDays(182))) : null,
					// 11 courses with a mild nausea, 3 with a moderate headache
					(i % 2 == 0) ? ((i < 6) ? "{\"NAUSEA|MILD\": 1, \"HEADACHE|MODERATE\": 1}" : "{\"NAUSEA|MILD\": 1}")
							: "{}")
			.update();
	}

	private static JsonNode window(JsonNode windows, String code) {
		return windows.valueStream().filter((w) -> w.get("window").asString().equals(code)).findFirst().orElseThrow();
	}

	/** The textbook formulas, computed here without the production code. */
	private record Expected(double baselineMean, double baselineSd, double followUpMean, double followUpSd,
			double changeMean, double changeSd, double ciLow, double ciHigh, double p) {

		static Expected of(double[][] scores, int column) {
			List<double[]> pairs = new ArrayList<>();
			for (double[] s : scores) {
				if (!Double.isNaN(s[column])) {
					pairs.add(new double[] { s[0], s[column] });
				}
			}
			int n = pairs.size();
			double b = 0;
			double f = 0;
			for (double[] pair : pairs) {
				b += pair[0];
				f += pair[1];
			}
			b /= n;
			f /= n;
			double c = f - b;
			double bss = 0;
			double fss = 0;
			double css = 0;
			for (double[] pair : pairs) {
				bss += (pair[0] - b) * (pair[0] - b);
				fss += (pair[1] - f) * (pair[1] - f);
				css += (pair[1] - pair[0] - c) * (pair[1] - pair[0] - c);
			}
			double bsd = Math.sqrt(bss / (n - 1));
			double fsd = Math.sqrt(fss / (n - 1));
			double csd = Math.sqrt(css / (n - 1));
			TDistribution t = new TDistribution(n - 1);
			double se = csd / Math.sqrt(n);
			double half = t.inverseCumulativeProbability(0.975) * se;
			double p = 2 * (1 - t.cumulativeProbability(Math.abs(c / se)));
			return new Expected(b, bsd, f, fsd, c, csd, c - half, c + half, p);
		}

	}

}
