package org.kapclinic.dosing;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A prescriber works the Spravato REMS Patient Monitoring Form from the task list in
 * Chromium: the form is due within 7 days of the session (spravatorems.com; clinical.md
 * 2.1), shows as overdue after that, and is done once its submission is recorded.
 */
class RemsFormBrowserIT extends IntegrationTest {

	@Test
	@DisplayName("REMS Patient Monitoring Form (due within 7 days): an overdue task on the prescriber's list, recorded from the REMS page")
	void aPrescriberRecordsTheRemsFormFromTheTaskList() throws Exception {
		DosingSteps steps = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId);
		String session = steps.dischargedEsketamineSession();
		// Eight days later: the form is past its 7 days.
		this.jdbc.sql("update tasks.care_task set due_by = now() - interval '1 day' where source_id = ?::uuid")
			.param(session)
			.update();
		this.jdbc.sql("update dosing.rems_form set due_by = now() - interval '1 day' where session_id = ?::uuid")
			.param(session)
			.update();

		try (Chromium browser = Chromium.start(this.port, 1280, 900)) {
			browser.signIn("dr.quill", PASSWORD);
			browser.open("/tasks");
			String tasks = browser.pageText();
			assertThat(tasks).contains("Submit the Spravato REMS Patient Monitoring Form", "Overdue");
			browser.click(By.cssSelector("a[href$='/dosing/sessions/" + session + "/rems']"));
			assertThat(browser.text(By.id("rems-form-status"))).contains("Overdue", "Due by");
			browser.setValue(By.id("submitted-at"),
					LocalDateTime.now().truncatedTo(ChronoUnit.MINUTES).minusMinutes(5).toString());
			browser.click(By.cssSelector("#rems-form ~ form button[type=submit]"));
			assertThat(browser.text(By.id("rems-form-status"))).as("the confirmation number is required")
				.contains("Due by");
			browser.setValue(By.id("submitted-at"),
					LocalDateTime.now().truncatedTo(ChronoUnit.MINUTES).minusMinutes(5).toString());
			browser.type(By.id("confirmation-number"), "FICTION-REMS-4242");
			browser.click(By.cssSelector("#rems-form ~ form button[type=submit]"));
			browser.waitForText("FICTION-REMS-4242");
			assertThat(browser.text(By.id("rems-form-status"))).contains("Submitted", "FICTION-REMS-4242");
			browser.screenshot("rems-form-recorded");
			browser.open("/tasks");
			// This session's task is done; other tests' esketamine sessions may leave
			// theirs open.
			assertThat(
					browser.driver().findElements(By.cssSelector("a[href$='/dosing/sessions/" + session + "/rems']")))
				.isEmpty();
		}
	}

}
