package org.kapclinic.safety;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;
import org.kapclinic.dosing.DosingSteps;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A nurse records liver tests on the chart's Labs tab in Chromium (issue 19): an ALT
 * within range, then one above 3 × the upper limit, which the page says has gone to the
 * prescriber as an urgent task; the trend lists both in words.
 */
class LabResultsBrowserIT extends IntegrationTest {

	@Test
	void aNurseRecordsLiverTestsAndAHighOneGoesToThePrescriber() throws Exception {
		String patient = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId)
			.fixtures()
			.inCourse("KAP", 70, "MAINTENANCE_BOOSTER")
			.patientId();
		try (Chromium nurse = Chromium.start(this.port, 1280, 900)) {
			nurse.signIn("nurse.bell", PASSWORD);
			nurse.open("/patients/" + patient);
			nurse.click(By.linkText("Labs"));
			assertThat(nurse.text(By.id("no-labs"))).isEqualTo("No lab results recorded.");
			record(nurse, "ALT (alanine aminotransferase) (U/L)", "31", "2026-11-30T08:15");
			assertThat(nurse.waitForText("Recorded ALT (alanine aminotransferase) 31 U/L: within the reference range."))
				.isNotBlank();
			record(nurse, "ALT (alanine aminotransferase) (U/L)", "130", "2026-12-02T08:40");
			assertThat(nurse.waitForText("An urgent task asks the prescriber to review it."))
				.contains("Above the reference range");
			String trend = nurse.text(By.cssSelector(".lab-trend"));
			assertThat(trend).contains("2026-11-30 08:15", "31 U/L", "7–40", "2026-12-02 08:40", "130 U/L",
					"prescriber review");
			assertThat(trend).doesNotContain("PRESCRIBER_REVIEW", "1742-6");
			nurse.screenshot("labs-trend");
		}
	}

	private static void record(Chromium browser, String test, String value, String collectedAt) {
		new Select(browser.find(By.id("code"))).selectByVisibleText(test);
		browser.type(By.id("value"), value);
		browser.type(By.id("referenceLow"), "7");
		browser.type(By.id("referenceHigh"), "40");
		browser.setValue(By.id("collectedAt"), collectedAt);
		browser.click(By.id("record-lab"));
	}

}
