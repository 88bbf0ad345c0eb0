package org.kapclinic.dosing;

import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pre-dose ceiling on the session page in Chromium: a prescriber records 182/104, the
 * page says the hold needs a co-signer, and a nurse co-signs with her own sign-in at the
 * prescriber's screen (Ketalar label §4; issue 13).
 */
class CeilingHoldBrowserIT extends IntegrationTest {

	@Test
	@DisplayName("A hold at the pre-dose ceiling (180/110, Ketalar label §4) is overridden on the page only with a co-signer")
	void aCeilingHoldIsCoSignedOnThePage() throws Exception {
		DosingSteps steps = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId);
		String session = steps.checkedIn("IV_INFUSION", "IV_KETAMINE", 80);

		try (Chromium browser = Chromium.start(this.port, 1280, 900)) {
			browser.signIn("dr.quill", PASSWORD);
			browser.open("/dosing/sessions/" + session);
			browser.type(By.id("systolic"), "182");
			browser.type(By.id("diastolic"), "104");
			browser.type(By.id("heartRate"), "84");
			browser.type(By.id("spo2"), "98");
			browser.click(By.id("save-vitals"));
			assertThat(browser.waitForText("at or above the ceiling")).contains("a second clinician co-signs");
			browser.type(By.id("hold-reason"), "repeat manual reading 168/96 after rest; anxious arrival");
			browser.type(By.id("cosigner-username"), "nurse.bell");
			browser.type(By.id("cosigner-password"), "wrong-password-1");
			browser.click(By.cssSelector("form[action$='/hold/override'] button[type=submit]"));
			assertThat(browser.waitForText("sign-in was not accepted")).as("a wrong co-signer password is refused")
				.contains("Held:", "The co-signer types their own username and password again.");
			browser.type(By.id("hold-reason"), "repeat manual reading 168/96 after rest; anxious arrival");
			browser.type(By.id("cosigner-username"), "nurse.bell");
			browser.type(By.id("cosigner-password"), PASSWORD);
			browser.click(By.cssSelector("form[action$='/hold/override'] button[type=submit]"));
			assertThat(browser.waitForText("Hold overridden.")).doesNotContain("Held:");
			browser.screenshot("ceiling-hold-cosigned");
		}
		assertThat(this.jdbc.sql("select hold_override_cosigned_by from dosing.session where id = ?::uuid")
			.param(session)
			.query(UUID.class)
			.single()).isEqualTo(userId("nurse.bell"));
	}

}
