package org.kapclinic.portal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;
import org.kapclinic.dosing.DosingSteps;
import org.kapclinic.identity.Passwords;
import org.kapclinic.identity.mfa.OneTimeCodes;
import org.kapclinic.identity.mfa.Totp;
import org.kapclinic.web.AccessibilityBrowserIT;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A patient's passkey (issue 21: "patients get MFA too, but may choose a passkey alone"),
 * on a 390 px phone with Chrome's virtual authenticator: signed in with password and
 * code, the patient adds a passkey on the account page, signs out and signs in with the
 * passkey alone; the sign-in is audited as a passkey's. A removed passkey signs nobody
 * in, and the page says what to do instead. A revoked account's passkey signs nobody in
 * either.
 */
class PortalPasskeyBrowserIT extends IntegrationTest {

	@Autowired
	private Passwords passwords;

	@Autowired
	private OneTimeCodes codes;

	@Test
	void aPatientSetsUpTheirAccountWithAPasskeyInsteadOfAnAuthenticatorApp() throws Exception {
		String patient = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId)
			.fixtures()
			.ready("KAP", 70)
			.patientId();
		String email = "passkey-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@patients.invalid";
		assertThat(this.api
			.post("/api/v1/patients/" + patient + "/portal-invite", java.util.Map.of("email", email),
					tokenFor("desk.dale"))
			.status()).isEqualTo(201);
		String link = PortalBrowserIT.inviteLink(email).replace("127.0.0.1", "localhost");
		try (Chromium phone = Chromium.start(this.port, 390, 844).onLocalhost()) {
			phone.addPasskeyAuthenticator();
			phone.driver().get(link);
			phone.setValue(By.id("birthDate"), "1984-04-04");
			phone.click(By.id("confirm-birth-date"));
			phone.click(By.id("use-passkey"));
			phone.type(By.id("password"), "password1234");
			phone.click(By.id("finish-setup"));
			assertThat(phone.waitForText("too easy to guess")).isNotBlank();
			phone.type(By.id("password"), "velvet harbour compass thistle");
			phone.click(By.id("finish-setup"));
			phone.click(By.id("make-passkey"));
			assertThat(phone.waitForText("Your account is ready")).isNotBlank();
			assertThat(this.jdbc
				.sql("select totp_secret is null from portal.account where email = ? and status = 'ACTIVE'")
				.param(email)
				.query(Boolean.class)
				.single()).as("active with a passkey and no authenticator key").isTrue();
			PortalBrowserIT.signIn(phone, email, "velvet harbour compass thistle", "123456");
			assertThat(phone.waitForText("do not match")).as("no code opens a passkey-only account").isNotBlank();
			phone.click(By.cssSelector("#passkey-sign-in button"));
			assertThat(phone.waitForText("Hello, Dosing")).isNotBlank();
		}
	}

	@Test
	void aPatientAddsAPasskeyAndSignsInWithItAlone() throws Exception {
		String patient = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId)
			.fixtures()
			.ready("KAP", 70)
			.patientId();
		String key = this.codes.newKey();
		String email = new PortalFixtures(this.jdbc, this.passwords, this.codes, this.port).account(patient, key,
				userId("desk.dale"));
		try (Chromium phone = Chromium.start(this.port, 390, 844).onLocalhost()) {
			phone.addPasskeyAuthenticator();
			PortalBrowserIT.signIn(phone, email, PortalFixtures.PASSWORD, Totp.codeNow(key, Instant.now()));
			assertThat(phone.waitForText("Hello, Dosing")).isNotBlank();
			phone.click(By.id("open-account"));
			assertThat(phone.text(By.id("no-passkeys"))).contains("None yet");
			List<String> violations = new ArrayList<>();
			AccessibilityBrowserIT.check(phone, "/portal/account", violations);
			phone.type(By.id("passkey-label"), "My phone");
			phone.click(By.cssSelector("#add-passkey button"));
			assertThat(phone.waitForText("Passkey added")).isNotBlank();
			assertThat(phone.text(By.id("passkeys"))).contains("My phone");

			phone.click(By.id("portal-sign-out"));
			phone.open("/portal/login");
			AccessibilityBrowserIT.check(phone, "/portal/login", violations);
			phone.click(By.cssSelector("#passkey-sign-in button"));
			assertThat(phone.waitForText("Hello, Dosing")).as("the passkey alone signs the patient in").isNotBlank();
			org.awaitility.Awaitility.await()
				.atMost(java.time.Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(this.jdbc
					.sql("select count(*) from audit.entry where action = 'LOGIN' "
							+ "and detail = 'portal, passkey' and patient_id = ?::uuid")
					.param(patient)
					.query(Long.class)
					.single()).as("audited as a passkey sign-in").isEqualTo(1));
			assertThat(violations).as("axe-core: no serious or critical WCAG 2.1 AA violations").isEmpty();

			phone.open("/portal/account");
			phone.click(By.cssSelector("#remove-passkey-0 button"));
			assertThat(phone.waitForText("Passkey removed")).isNotBlank();
			phone.click(By.id("portal-sign-out"));
			phone.open("/portal/login");
			phone.click(By.cssSelector("#passkey-sign-in button"));
			assertThat(phone.waitForText("That passkey did not sign you in")).as("a removed passkey signs nobody in")
				.contains("password and code");
		}
	}

}
