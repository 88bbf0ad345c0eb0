package org.kapclinic.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;
import org.kapclinic.dosing.DosingFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's path through the UI in headless Chromium (Debian's chromium and
 * chromedriver): sign in, register a patient, find them with the live search. Skipped
 * when Chromium is not installed unless {@code -Dkap.browser.required=true} (CI sets it).
 */
class BrowserIT extends IntegrationTest {

	private Chromium chromium;

	private WebDriver browser;

	private WebDriverWait wait;

	@BeforeEach
	void startBrowser() throws Exception {
		this.chromium = Chromium.start(this.port, 1280, 900);
		this.browser = this.chromium.driver();
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(10), Duration.ofMillis(20));
	}

	@AfterEach
	void stopBrowser() {
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	@Test
	void signInRegisterAPatientAndFindThemInSearch() throws Exception {
		String family = "Browserwick" + UUID.randomUUID().toString().substring(0, 6);
		open("/login");
		this.browser.findElement(By.id("username")).sendKeys("desk.dale");
		this.browser.findElement(By.id("password")).sendKeys(PASSWORD);
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();
		this.wait.until(ExpectedConditions.elementToBeClickable(By.id("new-patient"))).click();

		this.browser.findElement(By.id("givenName")).sendKeys("Clementine");
		this.browser.findElement(By.id("familyName")).sendKeys(family);
		setDate("birthDate", "1991-07-23");
		// Ofcom's drama range (07700 900000-900999): fictional, and unlike 555-01xx not
		// shared with the demo patients, so registration finds no possible duplicate.
		this.browser.findElement(By.id("phone"))
			.sendKeys("07700 900"
					+ String.format("%03d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1000)));
		screenshot("patient-form");
		click("save-patient");

		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("patient-name"), family));
		String mrn = this.browser.findElement(By.id("patient-mrn")).getText();
		screenshot("patient-chart");
		assertThat(mrn).startsWith("KAP-");

		open("/patients");
		this.browser.findElement(By.id("q")).sendKeys(family.substring(0, 14));
		// The live search (htmx) replaces the full list with the single match.
		this.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#results tbody tr"), 1));
		assertThat(this.browser.findElement(By.id("results")).getText()).contains(family, mrn, "Clementine");
		assertThat(this.browser.getCurrentUrl()).contains("q=" + family.substring(0, 14));
		screenshot("patient-search");
	}

	@Test
	void theMeasuresTabDrawsTheTrajectory() throws Exception {
		String token = tokenFor("dr.quill");
		String id = this.api.post("/api/v1/patients",
				java.util.Map.of("givenName", "Chart", "familyName", "Trajectory", "birthDate", "1980-08-08"), token)
			.json()
			.get("id")
			.asString();
		for (int[] answers : new int[][] { { 3, 3, 2, 2, 2, 2, 2, 2, 0, 1 }, { 2, 2, 1, 1, 1, 1, 1, 1, 0, 1 },
				{ 1, 1, 0, 0, 1, 0, 0, 0, 0, 0 } }) {
			this.api.post("/api/v1/patients/" + id + "/measurements", java.util.Map.of("instrument", "PHQ-9", "answers",
					java.util.Arrays.stream(answers).boxed().toList()), token);
		}
		open("/login");
		this.browser.findElement(By.id("username")).sendKeys("dr.quill");
		this.browser.findElement(By.id("password")).sendKeys(PASSWORD);
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();
		this.wait.until(ExpectedConditions.elementToBeClickable(By.id("new-patient")));

		open("/patients/" + id + "/measures?instrument=PHQ-9");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("trajectory")));
		Thread.sleep(500);
		screenshot("measures");
		assertThat(this.browser.findElement(By.tagName("main")).getText()).contains("Baseline", "83.3 %", "Remission");
	}

	@Test
	void aPrescriberOpensTheEligibilityTabAndTheIntakeForm() throws Exception {
		open("/login");
		this.browser.findElement(By.id("username")).sendKeys("dr.quill");
		this.browser.findElement(By.id("password")).sendKeys(PASSWORD);
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();
		this.wait.until(ExpectedConditions.elementToBeClickable(By.id("new-patient")));
		this.browser.findElement(By.cssSelector("#results tbody a")).click();

		this.wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Eligibility"))).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "KAP"));
		screenshot("eligibility");
		this.browser.findElement(By.partialLinkText("intake")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("vitals.systolic")));
		screenshot("intake-form");
	}

	@Test
	void aFormWithErrorsShowsThemNextToTheFields() {
		open("/login");
		this.browser.findElement(By.id("username")).sendKeys("dr.quill");
		this.browser.findElement(By.id("password")).sendKeys(PASSWORD);
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();
		this.wait.until(ExpectedConditions.elementToBeClickable(By.id("new-patient"))).click();

		this.browser.findElement(By.id("familyName")).sendKeys("Nofirstname");
		click("save-patient");

		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("givenName-error")));
		assertThat(this.browser.findElement(By.id("givenName")).getAttribute("class")).contains("is-invalid");
		assertThat(this.browser.findElement(By.id("birthDate-error")).getText()).isNotBlank();
	}

	@Test
	void aPatientFillsAPhq9ThroughTheirLinkOnAPhoneAndTheChartShowsIt() throws Exception {
		String token = tokenFor("dr.quill");
		String id = this.api.post("/api/v1/patients",
				java.util.Map.of("givenName", "Phone", "familyName", "Selfreport", "birthDate", "1993-03-03"), token)
			.json()
			.get("id")
			.asString();
		String url = this.api
			.post("/api/v1/patients/" + id + "/measure-links",
					java.util.Map.of("instruments", java.util.List.of("PHQ-9"), "send", false), token)
			.json()
			.get("url")
			.asString();

		this.browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
		open(java.net.URI.create(url).getPath());
		setDate("birthDate", "1993-03-03");
		click("confirm-birth-date");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("self-report-form")));
		// Item 9 (thoughts of self-harm): any answer above "Not at all" shows the crisis
		// notice at once, before submitting, with tap-to-call and tap-to-text links.
		assertThat(this.browser.findElement(By.id("crisis-PHQ-9-9")).isDisplayed()).isFalse();
		clickLabel("a-PHQ-9.8-1");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("crisis-PHQ-9-9")));
		assertThat(this.browser.findElement(By.id("crisis-PHQ-9-9-call")).getAttribute("href")).isEqualTo("tel:988");
		assertThat(this.browser.findElement(By.id("crisis-PHQ-9-9-text")).getAttribute("href")).isEqualTo("sms:988");
		int[] answers = { 2, 2, 1, 1, 2, 1, 1, 0, 0, 1 };
		for (int i = 0; i < answers.length; i++) {
			clickLabel("a-PHQ-9." + i + "-" + answers[i]);
		}
		// Every tap is saved at once (htmx), so a dropped connection loses nothing.
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("save-status"), "Saved"));
		screenshot("self-report-phone");
		click("submit-self-report");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Thank you"));
		assertThat(this.browser.findElements(By.id("crisis-resources"))).as("no risk answer").isEmpty();

		this.browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
		this.browser.manage().deleteAllCookies();
		open("/login");
		this.browser.findElement(By.id("username")).sendKeys("dr.quill");
		this.browser.findElement(By.id("password")).sendKeys(PASSWORD);
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();
		this.wait.until(ExpectedConditions.elementToBeClickable(By.id("new-patient")));
		open("/patients/" + id + "/measures?instrument=PHQ-9");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("measurements")));
		assertThat(this.browser.findElement(By.id("measurements")).getText()).contains("10", "moderate");
		screenshot("self-report-in-chart");
	}

	@Test
	void theFloorBoardShowsAnAlertMomentsAfterTheVitalsAreSaved() throws Exception {
		String admin = tokenFor("admin");
		String nurse = tokenFor("nurse.bell");
		java.util.Map<String, UUID> users = new java.util.HashMap<>();
		for (String name : java.util.List.of("dr.quill", "nurse.bell", "therapist.cove")) {
			users.put(name, userId(name));
		}
		DosingFixtures.Ready ready = new DosingFixtures(this.api, this.jdbc, admin, tokenFor("dr.quill"), users)
			.ready("IV_INFUSION", 68);
		String session = this.api
			.post("/api/v1/dosing-sessions", java.util.Map.of("patientId", ready.patientId(), "protocol", "IV_KETAMINE",
					"appointmentId", ready.appointmentId()), nurse)
			.json()
			.get("id")
			.asString();
		open("/login");
		this.browser.findElement(By.id("username")).sendKeys("nurse.bell");
		this.browser.findElement(By.id("password")).sendKeys(PASSWORD);
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();
		this.wait.until(ExpectedConditions.elementToBeClickable(By.id("new-patient")));
		open("/dosing/board");
		By card = By.id("board-" + session);
		this.wait.until(ExpectedConditions.presenceOfElementLocated(card));
		assertThat(this.browser.findElement(card).getText()).contains("Checked in", "baseline");
		this.wait.until(ExpectedConditions.textToBe(By.id("board-status"), "Live"));

		long saved = System.nanoTime();
		assertThat(this.api
			.post("/api/v1/dosing-sessions/" + session + "/vitals",
					java.util.Map.of("systolic", 186, "diastolic", 112, "heartRate", 88, "spo2", 97), nurse)
			.status()).isEqualTo(201);
		By alert = By.cssSelector("#board-" + session + " .open-alerts");
		this.wait.until(ExpectedConditions.presenceOfElementLocated(alert));
		long millis = (System.nanoTime() - saved) / 1_000_000;
		System.out.println("BOARD alert visible " + millis + " ms after the reading was saved");
		assertThat(this.browser.findElement(alert).getText()).contains("Systolic 186", "Diastolic 112");
		assertThat(this.browser.findElement(card).getText()).contains("BP 186/112", "Held");
		screenshot("floor-board");

		this.browser.findElement(By.cssSelector("#board-" + session + " a")).click();
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("session-state")));
		assertThat(this.browser.findElement(By.id("alerts")).getText()).contains("Systolic 186");
		screenshot("dosing-session");
	}

	/** Bootstrap's button-style radios hide the input: click its label. */
	private void clickLabel(String inputId) {
		var label = this.browser.findElement(By.cssSelector("label[for='" + inputId + "']"));
		((org.openqa.selenium.JavascriptExecutor) this.browser)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", label);
		this.wait.until(ExpectedConditions.elementToBeClickable(label)).click();
	}

	/**
	 * Scrolls the element into view at once (Bootstrap makes scrolling smooth, so a plain
	 * click races it).
	 */
	private void click(String id) {
		var element = this.browser.findElement(By.id(id));
		((org.openqa.selenium.JavascriptExecutor) this.browser)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		this.wait.until(ExpectedConditions.elementToBeClickable(element)).click();
	}

	private void setDate(String id, String isoDate) {
		((org.openqa.selenium.JavascriptExecutor) this.browser)
			.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, isoDate);
	}

	private void open(String path) {
		this.browser.get("http://127.0.0.1:" + this.port + path);
	}

	private void screenshot(String name) throws Exception {
		Path target = Path.of("target", "screenshots");
		Files.createDirectories(target);
		byte[] png = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES);
		Files.write(target.resolve(name + ".png"), png);
	}

}
