package org.kapclinic.measures;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A prescriber in Chromium records an MDQ from a paper form by its three parts and sees
 * the positive screen in words (Hirschfeld 2000), then records a PHQ-9 whose item 9
 * raises a suicide-risk flag and a dated review of that flag (same-day assessment,
 * clinical.md 4.1; issue 13), with the refusal of an incomplete review shown next to its
 * field and what was typed kept.
 */
class MeasuresSafetyBrowserIT extends IntegrationTest {

	@Test
	@DisplayName("MDQ by parts (Hirschfeld 2000) and a dated review of a suicide-risk flag (clinical.md 4.1), in the browser")
	void mdqAndFlagReview() throws Exception {
		String prescriber = tokenFor("dr.quill");
		String patient = this.api
			.post("/api/v1/patients",
					Map.of("givenName", "Browser", "familyName", "Moodscreen", "birthDate", "1979-03-03"), prescriber)
			.json()
			.get("id")
			.asString();
		try (Chromium browser = Chromium.start(this.port, 1280, 900)) {
			browser.signIn("dr.quill", PASSWORD);
			browser.open("/patients/" + patient + "/measures/new?instrument=MDQ");
			assertThat(browser.text(By.id("item-entry-hint"))).contains("7 or more yes in Part 1");
			for (int i = 0; i < 13; i++) {
				choose(browser, i, (i < 7) ? 1 : 0);
			}
			choose(browser, 13, 1);
			choose(browser, 14, 2);
			browser.click(By.id("record-measurement"));
			assertThat(browser.waitForText("Recorded")).contains("MDQ screen positive", "assess for bipolar disorder")
				.doesNotContain("mdq-positive");

			browser.open("/patients/" + patient + "/measures/new?instrument=PHQ-9");
			for (int i = 0; i < 9; i++) {
				choose(browser, i, 1);
			}
			choose(browser, 9, 0);
			browser.click(By.id("record-measurement"));
			assertThat(browser.waitForText("Open flag: Suicide risk")).contains("Open flag: MDQ screen positive",
					"No review recorded yet.");

			String flag = null;
			for (var f : this.api.get("/api/v1/patients/" + patient + "/flags", prescriber).json()) {
				if ("suicide-risk".equals(f.get("code").asString())) {
					flag = f.get("id").asString();
				}
			}
			assertThat(flag).as("PHQ-9 item 9 raised a suicide-risk flag").isNotNull();
			assertThat(browser.text(By.id("flag-" + flag))).contains("Open flag: Suicide risk", "988");
			browser.type(By.id("review-assessment-" + flag), "Passive thoughts, no plan or intent");
			browser.click(By.id("review-flag-" + flag));
			assertThat(browser.text(By.id("review-plan-error-" + flag))).isEqualTo("Write the plan.");
			assertThat(browser.find(By.id("review-assessment-" + flag)).getAttribute("value"))
				.as("what was typed is kept")
				.isEqualTo("Passive thoughts, no plan or intent");
			browser.type(By.id("review-plan-" + flag), "Safety plan reviewed; proceed with today's session");
			browser.click(By.id("review-flag-" + flag));
			assertThat(browser.waitForText("Review recorded")).contains("Response (≥ 50 % reduction)");
			assertThat(browser.text(By.id("reviews-" + flag))).contains("Passive thoughts, no plan or intent",
					"Safety plan reviewed");
			browser.screenshot("measures-flag-reviewed");
		}
		List<?> reviews = this.jdbc
			.sql("select r.id from measures.risk_flag_review r join measures.risk_flag f on f.id = r.flag_id"
					+ " where r.patient_id = ?::uuid and f.code = 'suicide-risk'")
			.param(patient)
			.query((rs, n) -> rs.getObject(1))
			.list();
		assertThat(reviews).hasSize(1);
	}

	/** Clicks an answer as a user does: on its button (the radio itself is hidden). */
	private static void choose(Chromium browser, int item, int score) {
		browser.click(By.cssSelector("label[for='answer-" + item + "-" + score + "']"));
	}

}
