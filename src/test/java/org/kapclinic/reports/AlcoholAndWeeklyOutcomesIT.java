package org.kapclinic.reports;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The outcomes report's AUD view and weekly means (issue 18) over a fixed cohort of
 * read-model rows whose first doses fall in 1998 (no other test doses then): abstinence
 * at each window with its Wilson interval and suppression at 10 vs 11, and the mean score
 * by week with its t interval, checked against values computed here.
 */
class AlcoholAndWeeklyOutcomesIT extends IntegrationTest {

	private static final String REPORT = "/api/v1/reports/outcomes?from=1998-01-01&to=1998-12-31";

	@Test
	void anAlcoholCohortShowsAbstinenceAtEachWindowBesideKrupitsky() {
		this.jdbc.sql("delete from reports.course_outcome where first_dose_at < '1999-01-01'").update();
		// 40 AUD courses: all answer at 1 month (24 abstinent), 22 at 12 months (11
		// abstinent), 21 at 6 months (11 abstinent, so 10 not: both hidden); an F33
		// course answers too.
		for (int i = 0; i < 40; i++) {
			Integer m1 = (i < 24) ? 0 : 2;
			Integer m6 = (i < 21) ? ((i < 11) ? 0 : 1) : null;
			Integer m12 = (i < 22) ? ((i < 11) ? 0 : 2) : null;
			abstinenceRow("F10.20", i, m1, m6, m12);
		}
		abstinenceRow("F33.1", 41, 0, 0, 0);

		String admin = tokenFor("admin");
		Response audit = this.api.get(REPORT + "&instrument=AUDIT&condition=F10", admin);
		assertThat(audit.status()).as(audit.body()).isEqualTo(200);
		JsonNode view = audit.json().get("abstinence");
		assertThat(view.get("instrument").asString()).isEqualTo("ALCOHOL-ABSTINENCE");
		assertThat(view.get("comparison").asString()).contains("73 of 111", "24 of 100");
		JsonNode month1 = window(view, "1M");
		assertThat(month1.get("answered").asInt()).as("the F33 course is not in an F10 cohort").isEqualTo(40);
		assertThat(month1.get("abstinent").asInt()).isEqualTo(24);
		assertThat(month1.get("rate").asDouble()).isEqualTo(0.6);
		double[] wilson = wilson(24, 40);
		assertThat(month1.get("ciLow").asDouble()).isCloseTo(wilson[0], within(0.0005));
		assertThat(month1.get("ciHigh").asDouble()).isCloseTo(wilson[1], within(0.0005));
		JsonNode month12 = window(view, "12M");
		assertThat(month12.get("answered").asInt()).isEqualTo(22);
		assertThat(month12.get("abstinent").asInt()).isEqualTo(11);
		assertThat(month12.get("rate").asDouble()).isEqualTo(0.5);
		JsonNode month6 = window(view, "6M");
		assertThat(month6.get("answered").asInt()).isEqualTo(21);
		assertThat(month6.get("abstinent").get("suppressed").asBoolean()).as("11 abstinent, but 21 - 11 = 10").isTrue();
		assertThat(month6.get("rate").get("suppressed").asBoolean()).isTrue();
		assertThat(window(view, "3M").get("answered").asInt()).as("no answers: zero").isZero();

		assertThat(this.api.get(REPORT + "&instrument=PHQ-9&condition=F33", admin).json().get("abstinence").isNull())
			.as("not an AUD cohort: no abstinence view")
			.isTrue();
		JsonNode everyone = this.api.get(REPORT + "&instrument=ALCOHOL-ABSTINENCE", admin).json().get("abstinence");
		assertThat(window(everyone, "1M").get("answered").asInt()).as("the item itself, every condition").isEqualTo(41);
	}

	@Test
	void theMeanScoreByWeekHasItsIntervalAndSmallWeeksAreLeftOut() {
		this.jdbc.sql("delete from reports.course_outcome where first_dose_at < '1999-01-01'").update();
		// 12 KAP courses measured at baseline and week 1, 6 of them at week 2; week 1
		// scores 10..21.
		for (int i = 0; i < 12; i++) {
			Double[] weekly = (i < 6) ? new Double[] { 20.0, 10.0 + i, 8.0 } : new Double[] { 20.0, 10.0 + i };
			weeklyRow(i, weekly);
		}
		JsonNode weeks = this.api.get(REPORT + "&instrument=PHQ-9", tokenFor("dr.quill")).json().get("weeks");
		JsonNode all = weeks.get(0);
		assertThat(all.get("label").asString()).isEqualTo("All programs");
		assertThat(weeks.get(1).get("label").asString()).as("one line per program, in words")
			.isEqualTo("Ketamine-assisted psychotherapy");
		JsonNode week1 = all.get("weeks").get(1).get("figures");
		assertThat(all.get("weeks").get(1).get("week").asInt()).isEqualTo(1);
		assertThat(week1.get("n").asInt()).isEqualTo(12);
		assertThat(week1.get("mean").asDouble()).isEqualTo(15.5);
		double sd = Math.sqrt(13.0);
		double half = new TDistribution(11).inverseCumulativeProbability(0.975) * sd / Math.sqrt(12);
		assertThat(week1.get("ciLow").asDouble()).isCloseTo(15.5 - half, within(0.005));
		assertThat(week1.get("ciHigh").asDouble()).isCloseTo(15.5 + half, within(0.005));
		assertThat(all.get("weeks").get(0).get("figures").get("ciLow").asDouble())
			.as("every baseline 20: a zero-width interval")
			.isEqualTo(20.0);
		assertThat(all.get("weeks").get(2).get("figures").get("suppressed").asBoolean())
			.as("week 2: 6 courses, under 11")
			.isTrue();
	}

	private void abstinenceRow(String condition, int i, Integer m1, Integer m6, Integer m12) {
		UUID course = UUID.randomUUID();
		Instant firstDose = Instant.parse("1998-02-01T15:00:00Z").plus(Duration.ofDays(i));
		this.jdbc
			.sql("""
					insert into reports.course_outcome (course_id, instrument, patient_id, program, route, condition, age_band,
					    sessions, held_sessions, alerts, first_dose_at, last_dose_at, m1_total, m6_total, m12_total,
					    adverse_events, rules_version, updated_at)
					values (?, 'ALCOHOL-ABSTINENCE', ?, 'KAP', 'IM', ?, '26-45', 3, 0, 0, ?, ?, ?, ?, ?, '{}'::jsonb, 'test', now())""")
			.params(course, UUID.randomUUID(), condition, Timestamp.from(firstDose),
					Timestamp.from(firstDose.plus(Duration.ofDays(14))), m1, m6, m12)
			.update();
	}

	private void weeklyRow(int i, Double[] weekly) {
		Instant firstDose = Instant.parse("1998-03-01T15:00:00Z").plus(Duration.ofDays(i));
		this.jdbc
			.sql("""
					insert into reports.course_outcome (course_id, instrument, patient_id, program, route, condition, age_band,
					    sessions, held_sessions, alerts, first_dose_at, last_dose_at, baseline, weekly, adverse_events,
					    rules_version, updated_at)
					values (?, 'PHQ-9', ?, 'KAP', 'IM', 'F33.1', '26-45', 3, 0, 0, ?, ?, 20, ?::float8[], '{}'::jsonb, 'test',
					    now())""")
			.params(UUID.randomUUID(), UUID.randomUUID(), Timestamp.from(firstDose),
					Timestamp.from(firstDose.plus(Duration.ofDays(14))), weekly)
			.update();
	}

	private static JsonNode window(JsonNode view, String code) {
		return view.get("windows")
			.valueStream()
			.filter((w) -> w.get("window").asString().equals(code))
			.findFirst()
			.orElseThrow();
	}

	/** Wilson's score interval, written out here apart from the production code. */
	private static double[] wilson(int x, int n) {
		double z = 1.96;
		double p = (double) x / n;
		double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
		double half = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
		return new double[] { centre - half, centre + half };
	}

}
