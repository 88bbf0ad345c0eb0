package org.kapclinic.fund;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A donor pledges on the public page on a 390 px phone (issue 20), signed in as nobody;
 * billing finds the pledge on the fund page, records the money as received, and the
 * receipt goes out through the outbox.
 */
class PledgeBrowserIT extends IntegrationTest {

	@Test
	void aDonorPledgesOnAPhoneAndBillingRecordsTheMoney() throws Exception {
		try (Chromium donor = Chromium.start(this.port, 390, 844)) {
			donor.open("/donate");
			donor.type(By.id("donorName"), "Marlow Kindhearth (fictional)");
			donor.type(By.id("email"), "marlow.kindhearth@example.org");
			donor.type(By.id("amount"), "75");
			new Select(donor.find(By.id("restriction"))).selectByVisibleText("Program: IV ketamine infusion");
			donor.click(By.id("send-pledge"));
			assertThat(donor.waitForText("Thank you. The clinic will write to you")).isNotBlank();
			assertThat((Long) ((org.openqa.selenium.JavascriptExecutor) donor.driver())
				.executeScript("return document.documentElement.scrollWidth")).as("no sideways scrolling")
				.isLessThanOrEqualTo(390L);
		}
		try (Chromium billing = Chromium.start(this.port, 1280, 900)) {
			billing.signIn("billing.bright", PASSWORD);
			billing.open("/fund");
			WebElement pledge = billing.driver()
				.findElements(By.cssSelector(".open-pledge"))
				.stream()
				.filter((card) -> card.getText().contains("Marlow Kindhearth"))
				.findFirst()
				.orElseThrow();
			assertThat(pledge.getText()).contains("$75.00", "Program: IV ketamine infusion");
			String input = pledge.findElement(By.name("receivedOn")).getAttribute("id");
			billing.setValue(By.id(input), LocalDate.now().minusDays(1).toString());
			pledge.findElement(By.cssSelector("button[type=submit]")).click();
			assertThat(billing.waitForText("Recorded $75.00 from Marlow Kindhearth (fictional): receipt no."))
				.isNotBlank();
			assertThat(billing.text(By.id("donations"))).contains("Marlow Kindhearth (fictional)",
					"Program: IV ketamine infusion", "$75.00");
		}
		assertThat(this.jdbc.sql("select count(*) from notification.outbox_message where recipient = ?")
			.param("marlow.kindhearth@example.org")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

}
