package org.kapclinic.intake;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 item 2, walked as each person would: a prescriber registers a patient and
 * creates the intake and PHQ-9 links on the pages; the patient, on a 390×844 phone,
 * answers the plain-language questionnaire (no codes, no blood pressure) and a PHQ-9; the
 * prescriber finds the answers in the intake draft with the medicine the patient named
 * waiting for its class.
 */
class PatientFormsPhoneBrowserIT extends IntegrationTest {

	private static final Pattern LINK = Pattern.compile("https?://[^\\s]+/(intake|self-report)/[A-Za-z0-9_-]+");

	@Test
	void aPatientCompletesTheirIntakeAndAPhq9OnAPhone() throws Exception {
		String family = "Phoneform" + UUID.randomUUID().toString().substring(0, 6);
		String patientId;
		String intakeLink;
		String phq9Link;
		try (Chromium laptop = Chromium.start(this.port, 1280, 900)) {
			laptop.signIn("dr.quill", PASSWORD);
			patientId = laptop.registerPatient("Phoebe", family, "1988-04-12");

			laptop.open("/patients/" + patientId + "/eligibility");
			laptop.click(By.id("create-intake-link"));
			intakeLink = link(laptop.waitForText("Link for the patient"));

			laptop.open("/patients/" + patientId + "/measures");
			laptop.click(By.id("create-link"));
			phq9Link = laptop.find(By.cssSelector("#issued-link a")).getAttribute("href");
		}

		try (Chromium phone = Chromium.start(this.port, 390, 844)) {
			phone.open(intakeLink);
			phone.setValue(By.id("birthDate"), "1988-04-12");
			phone.click(By.id("confirm-birth-date"));
			String page = phone.waitForText("Your health questionnaire");
			assertThat(page).contains("Have you ever been told you have an aneurysm", "Call or text 988")
				.doesNotContain("ICD-10", "Porphyria", "Systolic", "blood pressure reading");
			assertThat(phone.driver().findElement(By.id("crisis-notice")).isDisplayed()).as("no risk answer yet")
				.isFalse();
			phone.click(By.cssSelector("label[for='history-ACUTE_SUICIDALITY_NEEDS_HIGHER_CARE-unsure']"));
			assertThat(phone.find(By.id("crisis-notice-call")).getAttribute("href")).as("shown before sending")
				.isEqualTo("tel:988");
			assertThat(phone.find(By.id("crisis-notice-text")).getAttribute("href")).isEqualTo("sms:988");
			phone.click(By.cssSelector("label[for='history-ACUTE_SUICIDALITY_NEEDS_HIGHER_CARE-no']"));
			assertNoSidewaysScrolling(phone);

			phone.click(By.cssSelector("label[for='history-PREGNANT-no']"));
			phone.click(By.cssSelector("label[for='history-PORPHYRIA-unsure']"));
			phone.type(By.id("medicines-0-name"), "Sertraline");
			phone.type(By.id("medicines-0-howTaken"), "100 mg every morning");
			phone.click(By.id("save-questionnaire"));
			phone.waitForText("Saved. You can come back");
			assertThat(phone.find(By.id("medicines-0-name")).getAttribute("value")).as("the draft comes back")
				.isEqualTo("Sertraline");
			phone.type(By.id("hopes"), "To enjoy my fictional garden again");
			phone.click(By.id("send-questionnaire"));
			phone.waitForText("Thank you");

			phone.open(phq9Link.replaceAll("^https?://[^/]+", ""));
			phone.setValue(By.id("birthDate"), "1988-04-12");
			phone.click(By.id("confirm-birth-date"));
			phone.waitForText("Submit my answers");
			assertNoSidewaysScrolling(phone);
			for (int item = 0; item < 9; item++) {
				phone.click(By.cssSelector("label[for='a-PHQ-9." + item + "-1']"));
			}
			phone.click(By.id("submit-self-report"));
			phone.waitForText("Thank you");
		}

		try (Chromium laptop = Chromium.start(this.port, 1280, 900)) {
			laptop.signIn("dr.quill", PASSWORD);
			laptop.open("/patients/" + patientId + "/eligibility");
			assertThat(laptop.text(By.id("questionnaire-status"))).contains("sent their questionnaire",
					"classify the medicines", "Porphyria");
			laptop.open("/patients/" + patientId + "/intake");
			assertThat(laptop.find(By.id("medications-0-name")).getAttribute("value"))
				.isEqualTo("Sertraline (100 mg every morning)");
			Select drugClass = new Select(laptop.find(By.id("medications-0-drugClass")));
			assertThat(drugClass.getFirstSelectedOption().getText())
				.isEqualTo("Not yet classified (listed by the patient)");
			assertThat(laptop.pageText()).contains("Hopes for treatment: To enjoy my fictional garden again");
			laptop.open("/patients/" + patientId + "/measures");
			assertThat(laptop.pageText()).contains("PHQ-9");
		}
	}

	private static String link(String text) {
		Matcher found = LINK.matcher(text);
		assertThat(found.find()).as("a link in: " + text).isTrue();
		return found.group().replaceAll("^https?://[^/]+", "");
	}

	private static void assertNoSidewaysScrolling(Chromium phone) {
		Number width = (Number) ((JavascriptExecutor) phone.driver())
			.executeScript("return document.documentElement.scrollWidth;");
		Object wide = ((JavascriptExecutor) phone.driver()).executeScript(
				"return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 391)"
						+ ".slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(' | ');");
		assertThat(width.intValue()).as("no sideways scrolling at 390 px: " + wide).isLessThanOrEqualTo(390);
	}

}
