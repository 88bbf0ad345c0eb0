package org.kapclinic.web;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 item 9, course and note templates: an administrator publishes an edited copy
 * of each through the Admin menu, is first refused what the rules refuse (a session count
 * of 0, minutes that are not a number, a template without a name) with what was typed
 * kept, and sees the new version listed. Only words change for other tests: the note
 * field added is dropped again in a second version.
 */
class AdminTemplatesBrowserIT extends IntegrationTest {

	@Test
	void anAdministratorPublishesACourseTemplateCopy() throws Exception {
		String description = "A single booster dose (reviewed, fictional review "
				+ UUID.randomUUID().toString().substring(0, 6) + ").";
		try (Chromium browser = Chromium.start(this.port, 1280, 900)) {
			browser.signIn("admin", PASSWORD);
			browser.open("/patients");
			browser.click(By.id("nav-admin"));
			browser.click(By.linkText("Course templates"));
			assertThat(browser.waitForText("Course templates")).contains("Maintenance / booster", "Dosing session",
					"Therapist");
			browser.click(By.cssSelector("a[aria-label='Edit a copy of Maintenance / booster']"));
			browser.waitForText("Edit a copy: Maintenance / booster");
			String version = browser.find(By.id("version")).getAttribute("value");
			assertThat(version).as("the next version is proposed").matches("2026\\.12-\\d+");

			browser.type(By.id("step1-count"), "0");
			browser.type(By.id("step1-minutes"), "long");
			browser.type(By.id("description"), description);
			browser.click(By.id("publish-template"));
			assertThat(browser.confirm()).contains("cannot be changed");
			browser.waitForText("Not published");
			assertThat(browser.text(By.id("step1-error"))).contains("count 1–52");
			assertThat(browser.pageText()).contains("enter a whole number");
			assertThat(browser.find(By.id("description")).getAttribute("value")).isEqualTo(description);

			browser.type(By.id("step1-count"), "1");
			browser.type(By.id("step1-minutes"), "150");
			browser.click(By.id("publish-template"));
			browser.confirm();
			browser.waitForText("Version " + version + " of Maintenance / booster published.");
			assertThat(browser.text(By.id("template-MAINTENANCE_BOOSTER"))).contains("version " + version, description,
					"at most 1 doses a week");
			assertThat(browser.text(By.id("versions-MAINTENANCE_BOOSTER"))).as("the history, newest first")
				.startsWith("Versions: " + version + " (published ")
				.contains("2026.12-1 (shipped ");
		}
	}

	@Test
	void anAdministratorAddsAndDropsANoteTemplateField() throws Exception {
		String field = "Follow-up plan " + UUID.randomUUID().toString().substring(0, 4);
		int before = version();
		try (Chromium browser = Chromium.start(this.port, 1280, 900)) {
			browser.signIn("admin", PASSWORD);
			browser.open("/patients");
			browser.click(By.id("nav-admin"));
			browser.click(By.linkText("Note templates"));
			browser.waitForText("Note templates");
			browser.click(By.cssSelector("a[aria-label='Edit a copy of Discharge / termination summary']"));
			browser.waitForText("Edit a copy: Discharge / termination summary");
			browser.type(By.id("new0"), field);
			browser.find(By.id("name")).clear();
			browser.click(By.id("publish-note-template"));
			assertThat(browser.confirm()).contains("Publish version " + (before + 1));
			assertThat(browser.waitForText("Not published")).contains("a template needs a name");
			assertThat(browser.find(By.id("new0")).getAttribute("value")).as("what was typed is kept").isEqualTo(field);

			browser.type(By.id("name"), "Discharge / termination summary");
			browser.click(By.id("publish-note-template"));
			browser.confirm();
			browser.waitForText("Version " + (before + 1) + " of Discharge / termination summary published.");
			assertThat(browser.text(By.id("note-template-DISCHARGE_SUMMARY"))).contains("version " + (before + 1),
					field);

			browser.click(By.cssSelector("a[aria-label='Edit a copy of Discharge / termination summary']"));
			browser.waitForText("Edit a copy: Discharge / termination summary");
			browser.click(By.xpath(
					"//input[@value='" + field + "']/ancestor::div[contains(@class,'row')]//input[@type='checkbox']"));
			browser.click(By.id("publish-note-template"));
			browser.confirm();
			browser.waitForText("Version " + (before + 2) + " of Discharge / termination summary published.");
			assertThat(browser.text(By.id("note-template-DISCHARGE_SUMMARY"))).doesNotContain(field);
		}
	}

	private int version() {
		return this.jdbc.sql("select max(version) from notes.note_template where code = 'DISCHARGE_SUMMARY'")
			.query(Integer.class)
			.single();
	}

}
