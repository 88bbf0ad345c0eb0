package org.kapclinic.web;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.kapclinic.BrowserSession;
import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;
import org.kapclinic.shared.ClinicTime;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors that help (issue 14 item 4), walked in Chromium through the pages: a refused
 * booking says why in words, as a refusal, with the program picker and everything typed
 * kept; a failed registration keeps the date of birth and says what to fix next to the
 * field; error pages have a heading, never template source.
 */
class ErrorsBrowserIT extends IntegrationTest {

	@Autowired
	ClinicTime clinicTime;

	@Test
	@DisplayName("A dosing session booked without a program is refused in words, with the program picker and the form as typed; with a program it is booked")
	void aRefusedBookingSaysWhyAndKeepsWhatWasTyped() throws Exception {
		try (Chromium browser = Chromium.start(this.port, 1280, 900)) {
			browser.signIn("dr.quill", PASSWORD);
			String patientId = register(browser, "Odalys", "Pinwhistle-" + suffix(), "1979-03-21");
			readyForAFirstDose(patientId, "Odalys Pinwhistle");

			// A Tuesday weeks ahead, mid-morning: a free chair, inside any clinic hours.
			LocalDate day = this.clinicTime.today(java.time.Clock.systemUTC())
				.plusWeeks(20 + (int) (Math.random() * 30))
				.with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
			String start = day + "T10:00";
			browser.open("/patients/" + patientId + "/schedule");
			new Select(browser.find(By.id("type"))).selectByVisibleText("Dosing session");
			browser.setValue(By.id("start"), start);
			browser.type(By.id("durationMinutes"), "150");
			new Select(browser.find(By.id("roomId"))).selectByVisibleText("Chair 3");
			new Select(browser.find(By.id("staffIds"))).selectByVisibleText("Nell Bellweather, RN (demo)");
			browser.click(By.id("book"));

			String page = browser.waitForText("Plan a course or choose a program");
			WebElement refusal = browser.find(By.id("refusal"));
			assertThat(refusal.getAttribute("class")).contains("alert-danger").doesNotContain("alert-success");
			assertThat(refusal.getAttribute("role")).isEqualTo("alert");
			assertThat(refusal.getText()).contains("This appointment cannot be booked");
			assertThat(page).as("codes stay in the API")
				.doesNotContain("PROGRAM_REQUIRED", "(course or program field)");
			assertThat(refusal.findElement(By.linkText("Choose a program")).getAttribute("href")).endsWith("#program");
			assertThat(browser.pageText()).doesNotContain("Booked.");
			// Everything typed is still there.
			assertThat(new Select(browser.find(By.id("type"))).getFirstSelectedOption().getText())
				.isEqualTo("Dosing session");
			assertThat(browser.find(By.id("start")).getAttribute("value")).isEqualTo(start);
			assertThat(browser.find(By.id("durationMinutes")).getAttribute("value")).isEqualTo("150");
			assertThat(new Select(browser.find(By.id("roomId"))).getFirstSelectedOption().getText())
				.isEqualTo("Chair 3");
			assertThat(new Select(browser.find(By.id("staffIds"))).getAllSelectedOptions())
				.extracting(WebElement::getText)
				.containsExactly("Nell Bellweather, RN (demo)");
			browser.screenshot("booking-refused-in-words");

			new Select(browser.find(By.id("program"))).selectByVisibleText("Ketamine-assisted psychotherapy");
			browser.click(By.id("book"));
			browser.waitForText("Booked.");
			assertThat(browser.text(By.id("flash-success"))).isEqualTo("Booked.");
			assertThat(browser.text(By.id("appointments"))).contains(day + " 10:00 (150 min)", "Dosing session",
					"Chair 3");
			assertThat(browser.pageText()).doesNotContain("Plan a course or choose a program");
		}
	}

	@Test
	@DisplayName("A failed registration keeps the date of birth and says in plain words what to fill in, next to the field")
	void aFailedRegistrationKeepsTheDateOfBirth() throws Exception {
		try (Chromium browser = Chromium.start(this.port, 1280, 900)) {
			browser.signIn("desk.dale", PASSWORD);
			browser.open("/patients/new");
			browser.type(By.id("givenName"), "Wilhelmina");
			browser.setValue(By.id("birthDate"), "1988-04-12");
			browser.type(By.id("phone"), "555-0142");
			browser.click(By.id("save-patient"));

			assertThat(browser.text(By.id("familyName-error"))).isEqualTo("Enter the family name.");
			assertThat(browser.find(By.id("familyName")).getAttribute("class")).contains("is-invalid");
			assertThat(browser.find(By.id("birthDate")).getAttribute("value")).isEqualTo("1988-04-12");
			assertThat(browser.find(By.id("givenName")).getAttribute("value")).isEqualTo("Wilhelmina");
			assertThat(browser.find(By.id("phone")).getAttribute("value")).isEqualTo("555-0142");
			assertThat(browser.pageText()).doesNotContain("must not be null", "must not be blank");

			browser.open("/patients/new");
			browser.type(By.id("givenName"), "Wilhelmina");
			browser.type(By.id("familyName"), "Quoddlebury-" + suffix());
			browser.click(By.id("save-patient"));
			assertThat(browser.text(By.id("birthDate-error"))).isEqualTo("Enter the date of birth.");
			assertThat(browser.pageText()).doesNotContain("must not be null");
			browser.screenshot("registration-field-messages");
		}
	}

	@Test
	@DisplayName("Error pages (404, 403) have a proper heading in the clinic's layout, never template source")
	void errorPagesHaveAHeading() throws Exception {
		try (Chromium browser = Chromium.start(this.port, 1280, 900)) {
			browser.signIn("desk.dale", PASSWORD);
			browser.open("/patients/" + UUID.randomUUID());
			assertThat(browser.text(By.tagName("h1"))).isEqualTo("Not found");
			assertThat(browser.driver().getTitle()).isEqualTo("Not found · KAP Clinic");
			assertThat(browser.pageText()).doesNotContain("th:", "<title").contains("404", "Back to patients");

			browser.open("/admin/users");
			assertThat(browser.text(By.tagName("h1"))).isEqualTo("Not allowed");
			assertThat(browser.driver().getTitle()).isEqualTo("Not allowed · KAP Clinic");
			assertThat(browser.pageText()).doesNotContain("th:", "<title").contains("403");
			assertThat(browser.driver().findElements(By.cssSelector(".alert-success"))).isEmpty();

			browser.open("/no-such-page");
			assertThat(browser.text(By.tagName("h1"))).isEqualTo("Page not found");
			assertThat(browser.pageText()).doesNotContain("th:").contains("Sign out");
			browser.screenshot("error-page-not-found");
		}
	}

	private String register(Chromium browser, String given, String family, String birthDate) {
		browser.open("/patients/new");
		browser.type(By.id("givenName"), given);
		browser.type(By.id("familyName"), family);
		browser.setValue(By.id("birthDate"), birthDate);
		browser.click(By.id("save-patient"));
		browser.waitForText("Registered " + given);
		String url = browser.driver().getCurrentUrl();
		return url.substring(url.lastIndexOf('/') + 1);
	}

	/**
	 * Intake, screening, an ELIGIBLE decision and the signed consent for KAP, posted
	 * through the eligibility page's forms as the prescriber would.
	 */
	private void readyForAFirstDose(String patientId, String signer) {
		BrowserSession prescriber = BrowserSession.signIn(this.port, "dr.quill", PASSWORD);
		String eligibility = "/patients/" + patientId + "/eligibility";
		String intake = "/patients/" + patientId + "/intake";
		HttpResponse<String> saved = prescriber.post(intake, intake, Map.of("diagnoses", "F33.2", "vitals.systolic",
				"122", "vitals.diastolic", "78", "vitals.heartRate", "68", "submit", "true"));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		assertThat(prescriber.post(eligibility, "/patients/" + patientId + "/screenings", Map.of()).statusCode())
			.isEqualTo(302);
		String screeningId = this.jdbc.sql("select id::text from intake.screening where patient_id = ?::uuid")
			.param(patientId)
			.query(String.class)
			.single();
		assertThat(prescriber
			.post(eligibility, "/patients/" + patientId + "/decisions",
					Map.of("screeningId", screeningId, "program", "KAP", "decision", "ELIGIBLE"))
			.statusCode()).isEqualTo(302);
		int version = this.jdbc.sql("select max(version) from intake.consent_document where code = 'KAP_TREATMENT'")
			.query(Integer.class)
			.single();
		assertThat(
				prescriber
					.post(eligibility, "/patients/" + patientId + "/consents",
							Map.of("document", "KAP_TREATMENT", "version", String.valueOf(version), "signerName",
									signer, "signerRole", "PATIENT"))
					.statusCode())
			.isEqualTo(302);
		assertThat(prescriber.get(eligibility).body()).contains("Ready for a first dose");
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 6);
	}

}
