package org.kapclinic.patient;

import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The front desk registers the same person twice through the pages: the second time the
 * form shows the possible match (name, date of birth, MRN, link) with everything typed
 * kept, and creates the record only when the user says it is a different person.
 */
class DuplicateRegistrationBrowserIT extends IntegrationTest {

	@Test
	@DisplayName("Front desk: a second registration of the same family name and date of birth is asked about first")
	void frontDeskIsAskedBeforeASecondRecord() throws Exception {
		String family = "Twicewick" + UUID.randomUUID().toString().substring(0, 8);
		String email = family.toLowerCase() + "@example.test";
		try (Chromium browser = Chromium.start(this.port, 1280, 900)) {
			browser.signIn("desk.dale", PASSWORD);
			register(browser, "Marigold", family, "1984-09-17", email);
			assertThat(browser.waitForText("Registered")).contains(family);
			String firstMrn = browser.text(By.id("patient-mrn"));

			register(browser, "Mari", family.toLowerCase(), "1984-09-17", "other." + email);
			String warning = browser.text(By.id("possible-duplicates"));
			assertThat(warning).contains("This patient may already be registered", "Nothing has been saved", firstMrn,
					"Marigold " + family, "17 Sep 1984", "same family name and date of birth");
			assertThat(browser.find(By.id("duplicate-" + firstMrn)).getAttribute("href")).contains("/patients/");
			assertThat(value(browser, "givenName")).as("what was typed is kept").isEqualTo("Mari");
			assertThat(value(browser, "familyName")).isEqualTo(family.toLowerCase());
			assertThat(value(browser, "birthDate")).as("date of birth kept").isEqualTo("1984-09-17");
			assertThat(value(browser, "email")).isEqualTo("other." + email);
			assertThat(count(family)).as("nothing saved before confirming").isEqualTo(1);
			browser.screenshot("patient-possible-duplicate");

			browser.click(By.id("confirm-duplicate"));
			assertThat(browser.waitForText("Registered")).contains("Mari");
			assertThat(browser.text(By.id("patient-mrn"))).startsWith("KAP-").isNotEqualTo(firstMrn);
		}
		assertThat(count(family)).isEqualTo(2);
	}

	private static void register(Chromium browser, String given, String family, String birthDate, String email) {
		browser.open("/patients/new");
		browser.type(By.id("givenName"), given);
		browser.type(By.id("familyName"), family);
		browser.setValue(By.id("birthDate"), birthDate);
		browser.type(By.id("email"), email);
		browser.click(By.id("save-patient"));
	}

	private static String value(Chromium browser, String id) {
		return browser.find(By.id(id)).getAttribute("value");
	}

	private long count(String family) {
		return this.jdbc.sql("select count(*) from patient.patient where family_key = lower(?)")
			.param(family)
			.query(Long.class)
			.single();
	}

}
