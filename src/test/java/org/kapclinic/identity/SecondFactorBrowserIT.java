package org.kapclinic.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;
import org.kapclinic.identity.mfa.Totp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two-factor sign-in walked in Chromium (issue 16 finding 2): an administrator adds a
 * nurse on the users page; the nurse sets up an authenticator app from their account page
 * (QR code, a first code, recovery codes shown once), signs out, and signing in again
 * asks for a code: a wrong one is refused in words, a recovery code lets them in and is
 * spent.
 */
class SecondFactorBrowserIT extends IntegrationTest {

	private static final String NURSE_PASSWORD = "willow compass 2026 ledger";

	@Test
	void aNurseSetsUpAnAppAndIsAskedForACodeAtTheNextSignIn() throws Exception {
		String username = "nurse.otp." + UUID.randomUUID().toString().substring(0, 6);
		try (Chromium admin = Chromium.start(this.port, 1280, 900)) {
			admin.signIn("admin", PASSWORD);
			admin.open("/admin/users/new");
			admin.type(By.id("username"), username);
			admin.type(By.id("displayName"), "Otto Tester");
			admin.type(By.id("password"), NURSE_PASSWORD);
			admin.click(By.id("role-NURSE"));
			admin.click(By.xpath("//button[contains(., 'Save')]"));
			admin.waitForText(username);
		}
		try (Chromium nurse = Chromium.start(this.port, 1280, 900)) {
			nurse.signIn(username, NURSE_PASSWORD);
			nurse.open("/account/password");
			nurse.click(By.linkText("Two-factor sign-in"));
			nurse.waitForText("Signing in takes only your password");
			nurse.click(By.xpath("//button[contains(., 'Set up two-factor sign-in')]"));
			WebElement qr = nurse.find(By.cssSelector("img[alt='QR code for your authenticator app']"));
			assertThat(qr.getAttribute("src")).startsWith("data:image/svg+xml;base64,");
			String secret = nurse.text(By.id("totp-secret"));

			nurse.type(By.id("code"), "000000");
			nurse.click(By.xpath("//button[contains(., 'Confirm')]"));
			nurse.waitForText("That code does not match");
			assertThat(nurse.text(By.id("totp-secret"))).as("the same secret, to try again").isEqualTo(secret);
			nurse.type(By.id("code"), Totp.codeNow(secret, Instant.now()));
			nurse.click(By.xpath("//button[contains(., 'Confirm')]"));
			nurse.waitForText("Two-factor sign-in is set up");
			List<String> recoveryCodes = nurse.find(By.id("recovery-codes"))
				.findElements(By.tagName("li"))
				.stream()
				.map(WebElement::getText)
				.toList();
			assertThat(recoveryCodes).hasSize(10);
			nurse.click(By.linkText("I have saved them: continue"));
			nurse.waitForText("Set up since");
			assertThat(nurse.text(By.id("recovery-codes-left"))).startsWith("10 recovery codes left");

			nurse.click(By.xpath("//button[contains(., 'Sign out')]"));
			nurse.waitForText("You have signed out");
			nurse.type(By.id("username"), username);
			nurse.type(By.id("password"), NURSE_PASSWORD);
			nurse.click(By.xpath("//button[contains(., 'Sign in')]"));
			nurse.waitForText("Confirm it is you");
			nurse.open("/patients");
			nurse.waitForText("Confirm it is you");

			nurse.type(By.id("code"), "000000");
			nurse.click(By.xpath("//button[contains(., 'Continue')]"));
			nurse.waitForText("That code is wrong or was used already");
			nurse.type(By.id("code"), recoveryCodes.get(0));
			nurse.click(By.xpath("//button[contains(., 'Continue')]"));
			nurse.waitForText("Find a patient");
			assertThat(nurse.driver().getCurrentUrl()).contains("/patients");

			nurse.open("/account/two-factor");
			assertThat(nurse.text(By.id("recovery-codes-left"))).startsWith("9 recovery codes left");
		}
	}

}
