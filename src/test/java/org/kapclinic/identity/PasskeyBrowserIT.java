package org.kapclinic.identity;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Passkeys as the second factor, walked in Chromium with its virtual authenticator (issue
 * 16 finding 2: "TOTP … and passkeys (WebAuthn, Spring Security's support)"): a nurse
 * adds a passkey from the account page (her first second factor, so ten recovery codes
 * come with it), and the next sign-in asks for it and lets her in with it. A second
 * nurse's passkey, offered on the first nurse's sign-in from the second nurse's computer,
 * is refused by the server.
 */
class PasskeyBrowserIT extends IntegrationTest {

	private static final String NURSE_PASSWORD = "heron lantern 2026 quarry";

	@Test
	void aNurseAddsAPasskeyAndSignsInWithItAndNobodyElsesPasskeyIsAccepted() throws Exception {
		String suffix = letters();
		String nurse = "nurse.key." + suffix;
		String colleague = "nurse.colleague." + suffix;
		try (Chromium admin = Chromium.start(this.port, 1280, 900)) {
			admin.signIn("admin", PASSWORD);
			for (String username : List.of(nurse, colleague)) {
				admin.open("/admin/users/new");
				admin.type(By.id("username"), username);
				admin.type(By.id("displayName"), "Petra Passkey");
				admin.type(By.id("password"), NURSE_PASSWORD);
				admin.click(By.id("role-NURSE"));
				admin.click(By.xpath("//button[contains(., 'Save')]"));
				admin.waitForText(username);
			}
		}
		try (Chromium laptop = Chromium.start(this.port, 1280, 900).onLocalhost()) {
			laptop.addPasskeyAuthenticator();
			signInWithPassword(laptop, nurse);
			laptop.open("/account/two-factor");
			laptop.waitForText("None added");
			laptop.type(By.id("passkey-label"), "Ward laptop");
			laptop.click(By.xpath("//button[contains(., 'Add a passkey')]"));
			laptop.waitForText("Two-factor sign-in is set up");
			assertThat(laptop.find(By.id("recovery-codes")).findElements(By.tagName("li"))).hasSize(10);
			laptop.click(By.linkText("I have saved them: continue"));
			assertThat(laptop.text(By.id("passkeys"))).contains("Ward laptop").contains("Not yet");

			laptop.click(By.xpath("//button[contains(., 'Sign out')]"));
			laptop.waitForText("You have signed out");
			signInWithPassword(laptop, nurse);
			laptop.waitForText("Confirm it is you");
			laptop.click(By.xpath("//button[contains(., 'Use my passkey')]"));
			laptop.waitForText("Find a patient");
			// Signed in: off the second-factor pages before this browser closes.
			new org.openqa.selenium.support.ui.WebDriverWait(laptop.driver(), Duration.ofSeconds(10))
				.until((driver) -> !driver.getCurrentUrl().contains("/login"));
		}
		// The page's text can come before the passkey's answer is through: wait for the
		// sign-in's audit row rather than read it once.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.jdbc.sql("""
					select count(*) from audit.entry
					where actor_name = ? and action = 'LOGIN' and detail = 'password and passkey'""")
				.param(nurse)
				.query(Long.class)
				.single()).as("the sign-in with the passkey is audited as such").isEqualTo(1));

		try (Chromium colleagues = Chromium.start(this.port, 1280, 900).onLocalhost()) {
			colleagues.addPasskeyAuthenticator();
			signInWithPassword(colleagues, colleague);
			colleagues.open("/account/two-factor");
			colleagues.type(By.id("passkey-label"), "Colleague's laptop");
			colleagues.click(By.xpath("//button[contains(., 'Add a passkey')]"));
			colleagues.waitForText("Two-factor sign-in is set up");
			colleagues.click(By.linkText("I have saved them: continue"));
			colleagues.click(By.xpath("//button[contains(., 'Sign out')]"));
			colleagues.waitForText("You have signed out");

			// The first nurse's password on the colleague's laptop, answered with the
			// colleague's passkey (the only one this laptop holds).
			signInWithPassword(colleagues, nurse);
			colleagues.waitForText("Confirm it is you");
			Object answer = ((JavascriptExecutor) colleagues.driver()).executeAsyncScript("""
					const done = arguments[arguments.length - 1];
					const headers = {'Content-Type': 'application/json'};
					headers[document.querySelector('meta[name="_csrf_header"]').content] =
					    document.querySelector('meta[name="_csrf"]').content;
					(async () => {
					  const options = await (await fetch('/login/second-factor/passkey/options',
					      {method: 'POST', headers, body: '{}'})).json();
					  delete options.allowCredentials;
					  const credential = await navigator.credentials.get(
					      {publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options)});
					  const response = await fetch('/login/second-factor/passkey',
					      {method: 'POST', headers, body: JSON.stringify(credential.toJSON())});
					  done(response.status + ' ' + await response.text());
					})().catch((error) => done('error ' + error));""");
			assertThat(String.valueOf(answer)).startsWith("400").contains("That passkey was not accepted");
			colleagues.open("/patients");
			colleagues.waitForText("Confirm it is you");
		}

		// A lost laptop: the administrator's reset removes the passkey, and her password
		// alone lets her in again (no second factor is required in this test set-up).
		UUID nurseId = this.jdbc.sql("select id from identity.app_user where username = ?")
			.param(nurse)
			.query(UUID.class)
			.single();
		assertThat(this.api.post("/api/v1/users/" + nurseId + "/mfa/reset", null, tokenFor("admin")).status())
			.isEqualTo(204);
		assertThat(this.jdbc.sql("select count(*) from identity.passkey where user_id = ? and removed_at is null")
			.param(nurseId)
			.query(Long.class)
			.single()).isZero();
		try (Chromium laptop = Chromium.start(this.port, 1280, 900).onLocalhost()) {
			signInWithPassword(laptop, nurse);
			laptop.waitForText("Find a patient");
		}
	}

	private static void signInWithPassword(Chromium browser, String username) {
		browser.open("/login");
		browser.type(By.id("username"), username);
		browser.type(By.id("password"), NURSE_PASSWORD);
		browser.click(By.xpath("//button[contains(., 'Sign in')]"));
		// Past the password page (to the second step or in) before the test opens another
		// page: otherwise the next navigation can overtake the sign-in.
		new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.until((driver) -> !java.net.URI.create(driver.getCurrentUrl()).getPath().equals("/login"));
	}

}
