package org.kapclinic.patient;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Break-glass walked in Chromium: a prescriber registers a patient; a nurse outside the
 * care team opens the chart from the emergency-access page with a reason and sees the
 * banner on its pages; an administrator finds the urgent review task, follows it to the
 * review list and records the review.
 */
class BreakGlassBrowserIT extends IntegrationTest {

	@Test
	void aNurseBreaksTheGlassAndAnAdministratorReviewsIt() throws Exception {
		String patientId;
		try (Chromium prescriber = Chromium.start(this.port, 1280, 900)) {
			prescriber.signIn("dr.quill", PASSWORD);
			patientId = prescriber.registerPatient("Gale", "Shatterby", "1968-02-14");
		}
		String mrn = this.api.get("/api/v1/patients/" + patientId, tokenFor("dr.quill")).json().get("mrn").asString();

		try (Chromium nurse = Chromium.start(this.port, 1280, 900)) {
			nurse.signIn("nurse.fern", PASSWORD);
			nurse.click(By.id("emergency-access"));
			nurse.type(By.id("mrn"), mrn);
			nurse.type(By.id("reason"), "short");
			nurse.click(By.id("break-glass"));
			assertThat(nurse.driver().getCurrentUrl()).as("the browser refuses a reason under 20 characters")
				.endsWith("/break-glass");
			nurse.type(By.id("reason"), " as he collapsed at reception; on-call prescriber asked for his allergies");
			nurse.click(By.id("break-glass"));
			nurse.waitForText("Shatterby");
			assertThat(nurse.text(By.id("break-glass-banner"))).contains("Emergency access (break-glass) until");
			nurse.open("/patients/" + patientId + "/measures");
			assertThat(nurse.text(By.id("break-glass-banner"))).contains("will be reviewed");
		}

		try (Chromium admin = Chromium.start(this.port, 1280, 900)) {
			admin.signIn("admin", PASSWORD);
			admin.open("/tasks");
			admin.waitForText("Review emergency access by nurse.fern");
			admin.click(By.linkText("Review break-glass"));
			admin.waitForText("Break-glass reviews");
			String row = "//tr[contains(., '" + mrn + "')]";
			new Select(admin.find(By.xpath(row + "//select"))).selectByVisibleText("Appropriate");
			admin.find(By.xpath(row + "//input[@name='note']")).sendKeys("Collapse logged by reception");
			admin.click(By.xpath(row + "//button[contains(., 'Record review')]"));
			admin.waitForText("Review recorded.");
			assertThat(admin.text(By.xpath(row))).contains("Appropriate").contains("Collapse logged by reception");
		}
	}

}
