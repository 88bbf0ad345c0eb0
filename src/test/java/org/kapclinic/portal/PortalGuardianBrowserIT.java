package org.kapclinic.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kapclinic.ApiClient.Response;
import org.kapclinic.BrowserSession;
import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;
import org.kapclinic.identity.Passwords;
import org.kapclinic.identity.mfa.OneTimeCodes;
import org.kapclinic.identity.mfa.Totp;
import org.kapclinic.web.AccessibilityBrowserIT;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A minor's guardian as proxy (issue 21), walked as people would: the front desk finds
 * the minor's own invitation refused at the guardian's address (a minor's account is
 * their own) and invites the guardian on file to a proxy account from the chart's Portal
 * tab; on a 390 px phone the guardian sets it up with the minor's date of birth and signs
 * in. The proxy sees the schedule, the consent addressed to the guardian and their own
 * messages; the minor's journal and questionnaires are refused in words (the clinic's
 * default policy, {@code kap.portal.guardians-see-journal}; 45 CFR 164.502(g)(3)); the
 * minor's messages are not shown to the guardian, nor the guardian's to the minor. A
 * nurse answers the guardian in the guardian's conversation; the guardian's home counts
 * it unread. When the minor comes of age, the proxy's open session ends by itself.
 */
class PortalGuardianBrowserIT extends IntegrationTest {

	@Autowired
	private Passwords passwords;

	@Autowired
	private OneTimeCodes codes;

	@Test
	void theDeskInvitesAMinorsGuardianWhoSeesWhatAProxyMayAndNothingOfTheMinorsOwn() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		String guardianEmail = "guardian-" + tag + "@patients.invalid";
		LocalDate birthDate = LocalDate.now().minusYears(16).minusDays(10);
		String minor = minorWithGuardian("Proxyteen" + tag, birthDate, guardianEmail);
		BrowserSession prescriber = BrowserSession.signIn(this.port, "dr.quill", PASSWORD);
		assertThat(prescriber
			.post("/patients/" + minor + "/eligibility", "/patients/" + minor + "/consent-links",
					Map.of("document", "TELEHEALTH", "signerRole", "GUARDIAN"))
			.statusCode()).isEqualTo(302);

		try (Chromium desk = Chromium.start(this.port, 1280, 900)) {
			desk.signIn("desk.dale", PASSWORD);
			desk.open("/patients/" + minor);
			desk.click(By.linkText("Portal"));
			desk.type(By.id("email"), guardianEmail);
			desk.click(By.cssSelector("#portal-invite button"));
			assertThat(desk.waitForText("the minor's own address")).as("a minor's account is not the guardian's")
				.isNotBlank();
			assertThat(this.jdbc.sql("select count(*) from portal.account where patient_id = ?::uuid")
				.param(minor)
				.query(Integer.class)
				.single()).as("nothing saved").isZero();
			desk.open("/patients/" + minor + "/portal");
			assertThat(desk.text(By.id("guardian-accounts"))).contains("No guardian has been invited");
			desk.click(By.cssSelector("#guardian-invite-0 button"));
			assertThat(desk.waitForText("Proxy invitation e-mailed to the guardian at " + guardianEmail)).isNotBlank();
			assertThat(desk.text(By.id("guardian-accounts"))).contains("Guardian (proxy): Gwen Proxyparent", "mother",
					"Invited, not set up yet");
		}
		String link = PortalBrowserIT.inviteLink(guardianEmail);
		assertThat(PortalBrowserIT.inbox(guardianEmail, 1)).contains("as a guardian", "the patient's date of birth");

		// The minor's own account, with a message of their own to the care team.
		PortalFixtures fixtures = new PortalFixtures(this.jdbc, this.passwords, this.codes, this.port);
		BrowserSession teen = fixtures.signedIn(minor, userId("desk.dale"));
		assertThat(
				teen.post("/portal/messages", "/portal/messages", Map.of("body", "Teen only: my own words (fictional)"))
					.statusCode())
			.isEqualTo(302);

		String password = "quartz orchard lantern ribbon";
		try (Chromium phone = Chromium.start(this.port, 390, 844)) {
			phone.driver().get(link);
			phone.setValue(By.id("birthDate"), birthDate.toString());
			phone.click(By.id("confirm-birth-date"));
			phone.type(By.id("password"), password);
			String key = phone.text(By.id("totp-key"));
			phone.type(By.id("code"), Totp.codeNow(key, Instant.now()));
			phone.click(By.id("finish-setup"));
			assertThat(phone.waitForText("Your account is ready")).isNotBlank();
			PortalBrowserIT.signIn(phone, guardianEmail, password, Totp.codeNow(key, Instant.now().plusSeconds(30)));
			assertThat(phone.waitForText("Hello, Gwen Proxyparent")).isNotBlank();
			assertThat(phone.text(By.id("proxy-notice"))).contains("signed in as a guardian of",
					"journal and questionnaires are theirs alone");
			assertThat(phone.driver().findElements(By.id("open-journal"))).as("no way to the minor's journal")
				.isEmpty();
			assertThat(phone.text(By.id("due")))
				.as("not asked for the minor's self-reports, but for the guardian's consent")
				.contains("One consent to read and sign")
				.doesNotContain("Questionnaires");
			List<String> violations = new ArrayList<>();
			AccessibilityBrowserIT.check(phone, "/portal", violations);

			for (String own : List.of("/portal/journal", "/portal/check-in", "/portal/progress", "/portal/documents")) {
				phone.open(own);
				assertThat(phone.text(By.id("problem"))).as(own)
					.contains("For the patient themself", "your messages with the care team");
			}
			phone.open("/portal/consents");
			phone.click(By.cssSelector("#pending-consents a"));
			phone.click(By.id("agreed"));
			phone.type(By.id("signerName"), "Gwen Proxyparent");
			phone.type(By.id("typedSignature"), "G. Proxyparent");
			phone.click(By.id("sign-consent"));
			assertThat(phone.waitForText("Thank you: signed")).isNotBlank();
			assertThat(this.jdbc.sql("select signer_role from intake.consent_signature where patient_id = ?::uuid")
				.param(minor)
				.query(String.class)
				.single()).as("signed as the guardian the request named").isEqualTo("GUARDIAN");
			assertThat(teen.get("/portal/consents").body()).as("the minor does not withdraw what the guardian signed")
				.doesNotContain("Withdraw this consent");
			phone.open("/portal/consents");
			phone.click(By.cssSelector("#signed-consents summary"));
			phone.type(By.id("withdraw-reason-0"), "We want to talk it over first (fictional)");
			phone.click(By.cssSelector("#withdraw-0 button"));
			assertThat(phone.waitForText("Your care team has been told")).isNotBlank();
			assertThat(this.jdbc
				.sql("select priority || ': ' || title from tasks.care_task where patient_id = ?::uuid and kind = "
						+ "'CONSENT_WITHDRAWN'")
				.param(minor)
				.query(String.class)
				.single()).startsWith("URGENT: Consent withdrawn in the portal: ");
			assertThat(
					this.jdbc.sql("select withdrawal_reason from intake.consent_signature where patient_id = ?::uuid")
						.param(minor)
						.query(String.class)
						.single())
				.isEqualTo("We want to talk it over first (fictional)");

			phone.open("/portal/messages");
			assertThat(phone.text(By.id("thread"))).doesNotContain("Teen only");
			phone.type(By.id("body"), "Guardian here: can I stay in the waiting room? (fictional)");
			phone.click(By.id("send-message"));
			assertThat(phone.waitForText("Sent to your care team")).isNotBlank();
			AccessibilityBrowserIT.check(phone, "/portal/messages", violations);
			assertThat(violations).as("axe-core: no serious or critical WCAG 2.1 AA violations").isEmpty();
			assertThat(teen.get("/portal/messages").body()).as("the guardian's conversation is not the minor's")
				.contains("Teen only")
				.doesNotContain("waiting room");

			try (Chromium nurse = Chromium.start(this.port, 1280, 900)) {
				nurse.signIn("nurse.bell", PASSWORD);
				nurse.open("/patients/" + minor + "/portal");
				assertThat(nurse.text(By.id("thread-patient"))).contains("Teen only").doesNotContain("waiting room");
				assertThat(nurse.text(By.id("thread-guardian-1"))).contains("Gwen Proxyparent", "waiting room");
				nurse.type(By.id("reply-body-1"), "Yes, you are welcome to wait with a book.");
				nurse.click(By.cssSelector("#guardian-reply-1 button"));
				assertThat(nurse.waitForText("the guardian is e-mailed")).isNotBlank();
			}
			assertThat(this.jdbc
				.sql("select title from tasks.care_task where patient_id = ?::uuid and kind = "
						+ "'PORTAL_MESSAGE' order by created_at")
				.param(minor)
				.query(String.class)
				.list()).contains("Message from the guardian Gwen Proxyparent in the portal");
			phone.open("/portal");
			assertThat(phone.text(By.id("unread-messages"))).contains("One new message");
			phone.click(By.cssSelector("#unread-messages a"));
			assertThat(phone.text(By.id("thread"))).contains("welcome to wait");
			phone.open("/portal");
			assertThat(phone.driver().findElements(By.id("unread-messages"))).isEmpty();
			assertThat(teen.get("/portal/messages").body()).doesNotContain("welcome to wait");

			// The minor comes of age: the proxy's session ends without anyone revoking
			// it.
			this.jdbc.sql("update patient.patient set birth_date = ? where id = ?::uuid")
				.params(java.sql.Date.valueOf(LocalDate.now().minusYears(18)), minor)
				.update();
			phone.open("/portal");
			assertThat(phone.waitForText("Your portal access has ended")).isNotBlank();
		}
	}

	/**
	 * A 16-year-old on the care team of the demo clinicians, with their mother on file.
	 */
	private String minorWithGuardian(String family, LocalDate birthDate, String guardianEmail) {
		Response created = this.api.post("/api/v1/patients",
				Map.of("givenName", "Terry", "familyName", family, "birthDate", birthDate.toString(), "sexAtBirth",
						"FEMALE", "guardians",
						List.of(Map.of("name", "Gwen Proxyparent", "relationship", "mother", "email", guardianEmail))),
				tokenFor("dr.quill"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(
				this.api
					.put("/api/v1/patients/" + id + "/care-team",
							Map.of("members",
									List.of(userId("dr.quill"), userId("nurse.bell"), userId("therapist.cove"))),
							tokenFor("admin"))
					.status())
			.isEqualTo(200);
		return id;
	}

}
