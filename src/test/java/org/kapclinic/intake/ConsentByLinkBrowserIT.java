package org.kapclinic.intake;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 item 2, consent: a prescriber sends an adult patient a signing link (the
 * minor's assent is never offered for an adult); the patient reads and signs on a 390 px
 * phone, first refused for not agreeing with what they typed kept; a second document is
 * signed with a drawn signature on a clinic tablet handed to the patient. The chart then
 * shows both signatures and how they were given.
 */
class ConsentByLinkBrowserIT extends IntegrationTest {

	@Test
	void anAdultSignsOnTheirPhoneAndOnAClinicTablet() throws Exception {
		String family = "Signwell" + UUID.randomUUID().toString().substring(0, 6);
		String patientId;
		String link;
		try (Chromium laptop = Chromium.start(this.port, 1280, 900)) {
			laptop.signIn("dr.quill", PASSWORD);
			patientId = laptop.registerPatient("Sage", family, "1984-02-29");

			laptop.open("/patients/" + patientId + "/eligibility");
			Select documents = new Select(laptop.find(By.id("link-document")));
			assertThat(documents.getOptions()).extracting(WebElement::getText)
				.as("an adult is never offered a minor's assent")
				.noneMatch((text) -> text.toLowerCase().contains("assent"));
			documents.selectByValue("KAP_TREATMENT");
			new Select(laptop.find(By.id("link-signer"))).selectByValue("PATIENT");
			laptop.click(By.id("create-consent-link"));
			link = laptop.find(By.id("consent-link-url")).getAttribute("href").replaceAll("^https?://[^/]+", "");
		}

		try (Chromium phone = Chromium.start(this.port, 390, 844)) {
			phone.open(link);
			phone.setValue(By.id("birthDate"), "1984-02-29");
			phone.click(By.id("confirm-birth-date"));
			phone.waitForText("Please read the whole text");
			assertThat(phone.text(By.id("consent-text"))).isNotBlank();
			phone.type(By.id("signerName"), "Sage " + family);
			phone.type(By.id("typedSignature"), "Sage " + family);
			phone.click(By.id("sign-consent"));
			assertThat(phone.waitForText("Not signed yet")).contains("tick the box to say you have read the text");
			assertThat(phone.find(By.id("signerName")).getAttribute("value")).as("what was typed is kept")
				.isEqualTo("Sage " + family);
			phone.click(By.id("agreed"));
			phone.click(By.id("sign-consent"));
			phone.waitForText("Thank you: signed");
			phone.open(link);
			assertThat(phone.pageText()).as("the link works once").doesNotContain("Date of birth");
		}

		try (Chromium tablet = Chromium.start(this.port, 1024, 1366)) {
			tablet.signIn("dr.quill", PASSWORD);
			tablet.open("/patients/" + patientId + "/eligibility");
			new Select(tablet.find(By.id("link-document"))).selectByValue("IV_INFUSION_TREATMENT");
			tablet.click(By.id("create-consent-link"));
			tablet.click(By.id("consent-link-tablet"));
			tablet.setValue(By.id("birthDate"), "1984-02-29");
			tablet.click(By.id("confirm-birth-date"));
			tablet.waitForText("Please read the whole text");
			tablet.click(By.id("agreed"));
			tablet.type(By.id("signerName"), "Sage " + family);
			WebElement pad = tablet.find(By.id("signature-pad"));
			new Actions(tablet.driver()).moveToElement(pad, -80, 0)
				.clickAndHold()
				.moveByOffset(40, 20)
				.moveByOffset(40, -30)
				.moveByOffset(40, 25)
				.release()
				.perform();
			tablet.click(By.id("sign-consent"));
			tablet.waitForText("Thank you: signed");

			tablet.open("/patients/" + patientId + "/eligibility");
			String signatures = tablet.text(By.id("signatures"));
			assertThat(signatures).contains("Sage " + family, "Signed on: signer's own device",
					"Signed on: clinic tablet, handed to the signer", "Signature: drawn", "Signature: typed");
			assertThat(tablet.text(By.id("program-KAP"))).contains("Consent signed");
		}
		assertThat(this.jdbc.sql(
				"select count(*) from intake.consent_signature where patient_id = ?::uuid and signature_image like 'data:image/png;base64,%'")
			.param(patientId)
			.query(Long.class)
			.single()).as("the drawing is kept with its signature").isEqualTo(1);
	}

}
