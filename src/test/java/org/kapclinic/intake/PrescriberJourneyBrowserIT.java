package org.kapclinic.intake;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;
import org.kapclinic.shared.ClinicTime;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, the prescriber's journey through the pages only: register a patient, complete
 * and submit the intake, screen it, decide, have the patient sign the consent on their
 * own phone through a link, and book the first dosing session under the program.
 */
class PrescriberJourneyBrowserIT extends IntegrationTest {

	@Autowired
	ClinicTime clinicTime;

	@Test
	void screenDecideConsentByLinkAndBook() throws Exception {
		String family = "Journeyman" + UUID.randomUUID().toString().substring(0, 6);
		String patientId;
		String link;
		try (Chromium laptop = Chromium.start(this.port, 1280, 900)) {
			laptop.signIn("dr.quill", PASSWORD);
			patientId = laptop.registerPatient("Jonquil", family, "1977-07-07");

			laptop.click(By.cssSelector("#chart-tabs a[href$='/eligibility']"));
			laptop.click(By.cssSelector("a[href$='/intake']"));
			laptop.type(By.id("diagnoses"), "F33.2");
			laptop.type(By.id("vitals-systolic"), "122");
			laptop.type(By.id("vitals-diastolic"), "78");
			laptop.type(By.id("vitals-heartRate"), "68");
			laptop.click(By.id("submit-intake"));
			laptop.waitForText("Eligibility & consent");

			laptop.click(By.id("screen-now"));
			assertThat(laptop.waitForText("Screened")).contains("No findings");
			new Select(laptop.find(By.id("decision-KAP"))).selectByVisibleText("Eligible");
			laptop.click(By.id("record-decision-KAP"));
			laptop.waitForText("Decision recorded");

			new Select(laptop.find(By.id("link-document"))).selectByValue("KAP_TREATMENT");
			laptop.click(By.id("create-consent-link"));
			link = laptop.find(By.id("consent-link-url")).getAttribute("href").replaceAll("^https?://[^/]+", "");
		}

		try (Chromium phone = Chromium.start(this.port, 390, 844)) {
			phone.open(link);
			phone.setValue(By.id("birthDate"), "1977-07-07");
			phone.click(By.id("confirm-birth-date"));
			phone.waitForText("Please read the whole text");
			phone.click(By.id("agreed"));
			phone.type(By.id("signerName"), "Jonquil " + family);
			phone.type(By.id("typedSignature"), "Jonquil " + family);
			phone.click(By.id("sign-consent"));
			phone.waitForText("Thank you: signed");
		}

		try (Chromium laptop = Chromium.start(this.port, 1280, 900)) {
			laptop.signIn("dr.quill", PASSWORD);
			laptop.open("/patients/" + patientId + "/eligibility");
			assertThat(laptop.text(By.id("program-KAP"))).contains("Consent signed", "Ready for a first dose");

			// A Wednesday weeks ahead, mid-morning: a free chair inside any clinic hours.
			LocalDate day = this.clinicTime.today(java.time.Clock.systemUTC())
				.plusWeeks(60 + (int) (Math.random() * 30))
				.with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));
			laptop.click(By.cssSelector("#chart-tabs a[href$='/schedule']"));
			new Select(laptop.find(By.id("type"))).selectByVisibleText("Dosing session");
			laptop.setValue(By.id("start"), day + "T10:30");
			laptop.type(By.id("durationMinutes"), "150");
			new Select(laptop.find(By.id("roomId"))).selectByVisibleText("Chair 2");
			new Select(laptop.find(By.id("staffIds"))).selectByVisibleText("Fern Fiddlestick, RN (demo)");
			new Select(laptop.find(By.id("program"))).selectByVisibleText("Ketamine-assisted psychotherapy");
			laptop.click(By.id("book"));
			laptop.waitForText("Booked.");
			assertThat(laptop.text(By.id("appointments"))).contains(day + " 10:30 (150 min)", "Dosing session");
		}
	}

}
