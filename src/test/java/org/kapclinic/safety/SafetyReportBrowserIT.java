package org.kapclinic.safety;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A prescriber reaches the long-term safety report from the outcomes report in Chromium
 * (issue 19), reads its four tables in words and changes the period.
 */
class SafetyReportBrowserIT extends IntegrationTest {

	@Test
	void aPrescriberReadsTheSafetyReportAndChangesThePeriod() throws Exception {
		try (Chromium prescriber = Chromium.start(this.port, 1280, 900)) {
			prescriber.signIn("dr.quill", PASSWORD);
			prescriber.open("/reports/outcomes");
			prescriber.click(By.id("safety-report-link"));
			assertThat(prescriber.waitForText("Long-term safety of repeated dosing")).isNotBlank();
			assertThat(prescriber.text(By.id("maintenance"))).contains("Patients on maintenance dosing",
					"Maintenance review overdue");
			assertThat(prescriber.text(By.id("screens"))).contains("Bladder symptom checklist with a symptom");
			assertThat(prescriber.text(By.id("lab-flags"))).contains("Liver test above the clinic's multiple");
			assertThat(prescriber.text(By.id("misuse-signals"))).contains("PDMP check raised a concern",
					"Take-home supply not accounted for");
			assertThat(prescriber.pageText()).doesNotContain("PDMP_CONCERN", "ON_MAINTENANCE", "suppressed");
			new Select(prescriber.find(By.id("days"))).selectByVisibleText("365 days");
			prescriber.click(By.cssSelector("#safety-report-form button[type=submit]"));
			assertThat(prescriber.waitForText("screens, flags and signals since")).isNotBlank();
			assertThat(new Select(prescriber.find(By.id("days"))).getFirstSelectedOption().getText())
				.isEqualTo("365 days");
			prescriber.screenshot("safety-report");
		}
	}

}
