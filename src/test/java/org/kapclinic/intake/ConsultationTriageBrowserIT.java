package org.kapclinic.intake;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Triage safety in the browser (issue 14 item 7): on a 390 px phone, ticking "Suicidal
 * thoughts" on the public consultation form shows the crisis notice at once, before
 * sending, with tap-to-call and tap-to-text links; after sending it is shown again; the
 * front desk then finds the request flagged, in words, above an older request.
 */
class ConsultationTriageBrowserIT extends IntegrationTest {

	@Test
	@DisplayName("Suicidal thoughts ticked on a phone: crisis notice before sending, flagged first for the front desk")
	void crisisNoticeBeforeSendingAndFlaggedFirst() throws Exception {
		String calm = "Calmbrook" + UUID.randomUUID().toString().substring(0, 8);
		String urgent = "Hopewick" + UUID.randomUUID().toString().substring(0, 8);
		try (Chromium browser = Chromium.start(this.port, 390, 844)) {
			fill(browser, calm, "ANXIETY");
			browser.click(By.id("send-request"));
			browser.waitForText("Thank you");
			assertThat(browser.driver().findElements(By.id("crisis-notice"))).as("no risk answer").isEmpty();

			fill(browser, urgent, "DEPRESSION");
			WebElement notice = browser.driver().findElement(By.id("crisis-notice"));
			assertThat(notice.isDisplayed()).as("hidden until a risk answer is chosen").isFalse();
			browser.click(By.cssSelector("label[for='concern-SUICIDAL_THOUGHTS']"));
			notice = browser.find(By.id("crisis-notice"));
			assertThat(notice.getText()).contains("988", "911");
			assertThat(browser.find(By.id("crisis-notice-call")).getAttribute("href")).isEqualTo("tel:988");
			assertThat(browser.find(By.id("crisis-notice-text")).getAttribute("href")).isEqualTo("sms:988");
			assertThat(browser.find(By.id("crisis-notice-clinic")).getAttribute("href")).isEqualTo("tel:5550100");
			assertThat(browser.driver().getCurrentUrl()).as("not sent yet").endsWith("/consultation");
			assertThat((Boolean) ((JavascriptExecutor) browser.driver())
				.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
				.as("nothing wider than the phone")
				.isTrue();
			browser.screenshot("consultation-crisis-notice-phone");

			browser.click(By.id("send-request"));
			assertThat(browser.waitForText("Thank you")).contains("staff will see your request first");
			assertThat(browser.find(By.id("crisis-notice-call")).getAttribute("href")).isEqualTo("tel:988");

			browser.driver().manage().window().setSize(new Dimension(1280, 900));
			browser.signIn("desk.dale", PASSWORD);
			browser.open("/consultations");
			List<String> items = browser.driver()
				.findElements(By.cssSelector(".list-group-item"))
				.stream()
				.map(WebElement::getText)
				.toList();
			int urgentAt = indexOf(items, urgent);
			int calmAt = indexOf(items, calm);
			assertThat(urgentAt).as("the flagged request is listed above the older one").isLessThan(calmAt);
			assertThat(items.get(urgentAt)).contains("Safety flag: Suicidal thoughts ticked as a concern", "Received",
					"Suicidal thoughts", "New");
			assertThat(items.get(calmAt)).contains("Received").doesNotContain("Safety flag");
			assertThat(items.subList(0, urgentAt)).as("only flagged requests above it")
				.allSatisfy((item) -> assertThat(item).contains("Safety flag"));
			assertThat(browser.pageText()).as("no raw codes").doesNotContainPattern("[A-Z]+_[A-Z_]+");
			browser.screenshot("consultations-flagged-first");
		}
	}

	private static void fill(Chromium browser, String family, String concern) {
		browser.open("/consultation");
		browser.type(By.id("givenName"), "Wren");
		browser.type(By.id("familyName"), family);
		browser.setValue(By.id("birthDate"), "1992-02-29");
		browser.type(By.id("email"), family.toLowerCase() + "@example.test");
		browser.click(By.cssSelector("label[for='concern-" + concern + "']"));
		browser.click(By.id("consentToContact"));
	}

	private static int indexOf(List<String> items, String family) {
		for (int i = 0; i < items.size(); i++) {
			if (items.get(i).contains(family)) {
				return i;
			}
		}
		throw new AssertionError(family + " is not in the list");
	}

}
