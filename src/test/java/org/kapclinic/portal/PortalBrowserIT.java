package org.kapclinic.portal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;
import org.kapclinic.dosing.DosingSteps;
import org.kapclinic.identity.mfa.Totp;
import org.kapclinic.web.AccessibilityBrowserIT;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The portal's front door (issue 21), walked as people would: the front desk invites a
 * patient from the chart's Portal tab; on a 390 × 844 phone the patient opens the
 * e-mailed link, confirms their date of birth, chooses a password, adds the key to an
 * authenticator app (the test reads the key as text, as a person could type it) and signs
 * in with a code; home shows today's dosing session with what to do on the day; the
 * patient fills in the PHQ-9 due (the crisis notice at the risk answer) and writes to the
 * care team, whose nurse finds the task, replies, and the patient is e-mailed a notice
 * without the content. A wrong code is refused with one message for every failure; the
 * patient's session opens no staff page, the staff cookie no portal page, and revoking
 * access ends the open session.
 */
class PortalBrowserIT extends IntegrationTest {

	private static final Pattern LINK = Pattern.compile("https?://\\S+/portal/invite/[A-Za-z0-9_-]+");

	@Test
	void theFrontDeskInvitesAPatientWhoSetsUpTheirAccountAndSignsInOnAPhone() throws Exception {
		String patient = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId)
			.fixtures()
			.ready("KAP", 70)
			.patientId();
		String email = "portal-" + UUID.randomUUID().toString().substring(0, 8) + "@patients.invalid";
		try (Chromium desk = Chromium.start(this.port, 1280, 900)) {
			desk.signIn("desk.dale", PASSWORD);
			desk.open("/patients/" + patient);
			desk.click(By.linkText("Portal"));
			assertThat(desk.text(By.id("portal-status"))).isEqualTo("Not invited yet.");
			desk.type(By.id("email"), email);
			desk.click(By.cssSelector("#portal-invite button"));
			assertThat(desk.waitForText("Invitation e-mailed to " + email)).isNotBlank();
			assertThat(desk.text(By.id("portal-status"))).contains("Invited, not set up yet");
		}
		String link = inviteLink(email);
		// The prescriber asks for a PHQ-9 now (answered on the portal, no e-mailed link).
		assertThat(this.api
			.post("/api/v1/patients/" + patient + "/measure-schedules",
					java.util.Map.of("instruments", List.of("PHQ-9"), "cadence", "INTERVAL", "everyDays", 14,
							"sendLink", false),
					tokenFor("dr.quill"))
			.status()).isEqualTo(201);

		try (Chromium phone = Chromium.start(this.port, 390, 844)) {
			phone.driver().get(link);
			phone.setValue(By.id("birthDate"), "1984-04-05");
			phone.click(By.id("confirm-birth-date"));
			assertThat(phone.waitForText("does not match our records")).isNotBlank();
			phone.setValue(By.id("birthDate"), "1984-04-04");
			phone.click(By.id("confirm-birth-date"));

			List<String> violations = new ArrayList<>();
			String setup = new java.net.URI(phone.driver().getCurrentUrl()).getPath();
			AccessibilityBrowserIT.check(phone, setup, violations);
			phone.type(By.id("password"), "password1234");
			String key = phone.text(By.id("totp-key"));
			phone.type(By.id("code"), Totp.codeNow(key, Instant.now()));
			phone.click(By.id("finish-setup"));
			assertThat(phone.waitForText("too easy to guess")).isNotBlank();
			assertThat(phone.text(By.id("totp-key"))).as("the same key until it is saved").isEqualTo(key);
			phone.type(By.id("password"), "copper kettle lantern meadow");
			phone.type(By.id("code"), Totp.codeNow(key, Instant.now()));
			phone.click(By.id("finish-setup"));
			assertThat(phone.waitForText("Your account is ready")).isNotBlank();

			signIn(phone, email, "copper kettle lantern meadow", "000000");
			assertThat(phone.waitForText("do not match")).isNotBlank();
			// The code of the next time step: the one used at set-up is not accepted
			// twice.
			signIn(phone, email, "copper kettle lantern meadow", Totp.codeNow(key, Instant.now().plusSeconds(30)));
			assertThat(phone.waitForText("Hello, Dosing")).isNotBlank();
			assertThat(phone.text(By.id("next-appointment"))).contains("Dosing session", "ride home");
			assertThat(phone.pageText()).contains("988").doesNotContain("DOSING", "KAP_");
			Number width = (Number) ((org.openqa.selenium.JavascriptExecutor) phone.driver())
				.executeScript("return document.documentElement.scrollWidth");
			assertThat(width.intValue()).as("nothing wider than the phone").isLessThanOrEqualTo(390);
			assertThat(phone.text(By.id("due"))).as("an intention before today's dose")
				.contains("Your intention for your session on");
			phone.screenshot("portal-home-phone");
			AccessibilityBrowserIT.check(phone, "/portal", violations);

			// Preparation: the sections for every patient and the KAP program's, marked
			// read.
			phone.click(By.id("open-preparation"));
			assertThat(phone.text(By.id("preparation-progress"))).contains("4 of 4 still to read");
			assertThat(phone.text(By.id("after-the-session"))).contains("do not drive", "Source:");
			phone.click(By.cssSelector("#after-the-session button"));
			// The click posts and loads the page again: wait for it, do not read the old
			// one.
			phone.waitForText("3 of 4 still to read");
			assertThat(phone.text(By.id("preparation-progress"))).contains("3 of 4 still to read");
			AccessibilityBrowserIT.check(phone, "/portal/preparation", violations);
			phone.open("/portal");

			// A consent the prescriber asked for (the eligibility page's consent-link
			// form),
			// read and signed on the phone.
			assertThat(org.kapclinic.BrowserSession.signIn(this.port, "dr.quill", PASSWORD)
				.post("/patients/" + patient + "/eligibility", "/patients/" + patient + "/consent-links",
						java.util.Map.of("document", "TELEHEALTH", "signerRole", "PATIENT"))
				.statusCode()).isEqualTo(302);
			phone.click(By.id("open-consents"));
			phone.click(By.cssSelector("#pending-consents a"));
			assertThat(phone.text(By.id("consent-text"))).isNotBlank();
			AccessibilityBrowserIT.check(phone, new java.net.URI(phone.driver().getCurrentUrl()).getPath(), violations);
			phone.click(By.id("agreed"));
			phone.type(By.id("signerName"), "Dosing Patient (fictional)");
			phone.type(By.id("typedSignature"), "D. Patient");
			phone.click(By.id("sign-consent"));
			assertThat(phone.waitForText("Thank you: signed")).isNotBlank();
			phone.open("/portal/consents");
			assertThat(phone.text(By.id("signed-consents"))).contains("signed");
			assertThat(phone.text(By.id("no-consents"))).contains("Nothing is waiting");
			phone.open("/portal");

			// An intention before the session, sent to the care team.
			phone.click(By.id("open-journal"));
			phone.type(By.id("journal-text"), "To meet the tiredness with curiosity rather than fear (fictional).");
			phone.click(By.id("send-journal"));
			assertThat(phone.waitForText("Sent to your care team")).isNotBlank();
			assertThat(phone.text(By.cssSelector(".journal-entry"))).contains("Intention", "curiosity");
			AccessibilityBrowserIT.check(phone, "/portal/journal", violations);
			phone.open("/portal");

			// The PHQ-9 due, on the phone: the crisis notice shows as soon as item 9's
			// risk answer is chosen, before anything is sent.
			assertThat(phone.text(By.id("due"))).contains("Patient Health Questionnaire-9");
			phone.click(By.id("start-check-in"));
			for (int item = 0; item < 8; item++) {
				phone.click(By.cssSelector("label[for='a-PHQ-9." + item + "-1']"));
			}
			assertThat(phone.driver().findElement(By.id("crisis-PHQ-9-9")).isDisplayed()).isFalse();
			phone.click(By.cssSelector("label[for='a-PHQ-9.8-1']"));
			assertThat(phone.find(By.id("crisis-PHQ-9-9")).isDisplayed()).isTrue();
			AccessibilityBrowserIT.check(phone, "/portal/check-in", violations);
			phone.click(By.cssSelector("label[for='a-PHQ-9.9-0']"));
			phone.click(By.id("submit-self-report"));
			assertThat(phone.waitForText("Your care team has been alerted")).isNotBlank();
			assertThat(this.jdbc
				.sql("select total from measures.measurement where patient_id = ?::uuid and instrument = 'PHQ-9'")
				.param(patient)
				.query(Integer.class)
				.list()).as("scored by the same path as a link's: eight 1s and item 9 at 1").containsExactly(9);
			phone.open("/portal");
			assertThat(phone.text(By.id("due"))).contains("Nothing is due");
			phone.click(By.id("open-progress"));
			assertThat(phone.text(By.cssSelector("#progress-PHQ-9 .summary")))
				.startsWith("Your latest score was 9 (mild), on ");
			phone.screenshot("portal-progress-phone");
			AccessibilityBrowserIT.check(phone, "/portal/progress", violations);
			phone.open("/portal");
			phone.click(By.id("open-documents"));
			assertThat(phone.text(By.id("no-disclosures"))).isEqualTo("Nothing has been shared.");
			AccessibilityBrowserIT.check(phone, "/portal/documents", violations);
			phone.open("/portal");

			// A message to the care team: not for emergencies, and a task for the team.
			phone.click(By.id("open-messages"));
			assertThat(phone.text(By.id("not-for-emergencies"))).contains("Not for emergencies", "988");
			phone.type(By.id("body"), "Can I take my usual sleeping tablet the night before? (fictional)");
			phone.click(By.id("send-message"));
			assertThat(phone.waitForText("Sent to your care team")).isNotBlank();
			AccessibilityBrowserIT.check(phone, "/portal/messages", violations);

			// The schedule: today's session, a calendar file, and a request to the front
			// desk.
			phone.open("/portal");
			phone.click(By.id("open-schedule"));
			assertThat(phone.text(By.cssSelector(".upcoming"))).contains("Dosing session", "Add to my calendar");
			new org.openqa.selenium.support.ui.Select(phone.find(By.id("type"))).selectByVisibleText("Follow-up");
			phone.type(By.id("request-note"), "Weekday mornings (fictional)");
			phone.click(By.id("send-request"));
			assertThat(phone.waitForText("Sent to the front desk")).isNotBlank();
			AccessibilityBrowserIT.check(phone, "/portal/schedule", violations);
			assertThat(this.jdbc
				.sql("select title from tasks.care_task where patient_id = ?::uuid and kind = "
						+ "'PORTAL_APPOINTMENT_REQUEST'")
				.param(patient)
				.query(String.class)
				.single()).isEqualTo("The patient asks for an appointment: follow-up");
			assertThat(violations).as("axe-core: no serious or critical WCAG 2.1 AA violations").isEmpty();

			try (Chromium nurse = Chromium.start(this.port, 1280, 900)) {
				nurse.signIn("nurse.bell", PASSWORD);
				nurse.open("/tasks");
				nurse.click(By.linkText("Read and reply"));
				assertThat(nurse.text(By.id("portal-messages"))).contains("sleeping tablet");
				nurse.type(By.id("reply-body"), "Please bring it to the session and we will talk it through.");
				nurse.click(By.cssSelector("#portal-reply button"));
				assertThat(nurse.waitForText("Reply sent")).isNotBlank();
			}
			phone.open("/portal/messages");
			assertThat(phone.text(By.id("thread"))).contains("bring it to the session", "Care team");
			assertThat(inbox(email)).as("the notice says a message waits, not what it says")
				.contains("A new message from your care team")
				.doesNotContain("bring it to the session");

			phone.open("/patients/" + patient);
			assertThat(phone.driver().getCurrentUrl()).as("a patient's session opens no staff page").contains("/login");
			assertThat(phone.driver().getCurrentUrl()).doesNotContain("/portal");

			try (Chromium desk = Chromium.start(this.port, 1280, 900)) {
				desk.signIn("desk.dale", PASSWORD);
				desk.open("/portal");
				assertThat(desk.driver().getCurrentUrl()).as("a staff session opens no portal page")
					.contains("/portal/login");
				desk.open("/patients/" + patient + "/portal");
				assertThat(desk.text(By.id("portal-status"))).startsWith("Active");
				desk.type(By.id("revoke-reason"), "Moved to another clinic (fictional)");
				desk.click(By.cssSelector("#portal-revoke button"));
				assertThat(desk.waitForText("Portal access ended")).isNotBlank();
			}
			phone.open("/portal");
			assertThat(phone.waitForText("Your portal access has ended")).as("the open session ends with the access")
				.isNotBlank();
		}
	}

	static void signIn(Chromium phone, String email, String password, String code) {
		phone.open("/portal/login");
		phone.type(By.id("email"), email);
		phone.type(By.id("password"), password);
		phone.type(By.id("code"), code);
		phone.click(By.id("portal-sign-in"));
	}

	/** The subjects and bodies of every mail to {@code email}, one after the other. */
	static String inbox(String email) throws Exception {
		return inbox(email, 2);
	}

	/** Once at least {@code count} mails reached {@code email}: all of them. */
	static String inbox(String email, int count) throws Exception {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> Arrays.stream(mail().getReceivedMessages()).filter((m) -> sentTo(m, email)).count() >= count);
		StringBuilder all = new StringBuilder();
		for (MimeMessage message : mail().getReceivedMessages()) {
			if (sentTo(message, email)) {
				all.append(message.getSubject())
					.append('\n')
					.append(com.icegreen.greenmail.util.GreenMailUtil.getBody(message));
			}
		}
		return all.toString();
	}

	private static boolean sentTo(MimeMessage message, String email) {
		try {
			return Arrays.stream(message.getAllRecipients()).anyMatch((to) -> to.toString().equals(email));
		}
		catch (jakarta.mail.MessagingException ex) {
			return false;
		}
	}

	static String inviteLink(String email) {
		String[] found = new String[1];
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			for (MimeMessage message : mail().getReceivedMessages()) {
				if (Arrays.stream(message.getAllRecipients()).anyMatch((to) -> to.toString().equals(email))) {
					Matcher link = LINK.matcher(com.icegreen.greenmail.util.GreenMailUtil.getBody(message)
						.replace("=\r\n", "")
						.replace("=3D", "="));
					if (link.find()) {
						found[0] = link.group();
						return true;
					}
				}
			}
			return false;
		});
		return found[0];
	}

}
