package org.kapclinic.notes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A therapist writes an integration note in headless Chromium, sees it autosaved, and
 * signs it. Skipped without Chromium unless {@code -Dkap.browser.required=true}.
 */
class NotesBrowserIT extends IntegrationTest {

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
	void writeAndSignAnIntegrationNote() throws Exception {
		String patient = new NotesFixtures(this.api, tokenFor("dr.quill")).patient("Browsernote",
				List.of(userId("therapist.cove")));
		open("/login");
		this.browser.findElement(By.id("username")).sendKeys("therapist.cove");
		this.browser.findElement(By.id("password")).sendKeys(PASSWORD);
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();
		this.wait.until(ExpectedConditions.urlContains("/patients"));

		open("/patients/" + patient + "/notes");
		click("start-note");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("note-form")));
		this.browser.findElement(By.id("field-experiences")).sendKeys("Saw the lake of childhood summers");
		this.browser.findElement(By.id("field-insights")).sendKeys("Rest is allowed <script>alert(1)</script>");
		// Autosave (htmx) answers after a short pause in typing.
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("save-status"), "Saved"));
		this.browser.findElement(By.id("field-homework")).sendKeys("Swim once a week");
		screenshot("note-editor");
		click("sign-note");
		// Signing is irreversible: the page asks first and says what it means.
		var confirm = this.wait.until(ExpectedConditions.alertIsPresent());
		assertThat(confirm.getText()).contains("locked", "addenda");
		confirm.accept();

		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("note-status"), "Signed and locked"));
		String shown = this.browser.findElement(By.id("note-body")).getText();
		assertThat(shown).contains("Saw the lake of childhood summers", "Rest is allowed <script>alert(1)</script>",
				"Swim once a week", "SHA-256");
		screenshot("note-signed");
		var notes = this.api.get("/api/v1/patients/" + patient + "/notes", tokenFor("therapist.cove")).json();
		assertThat(notes).hasSize(1);
		assertThat(notes.get(0).get("status").asString()).isEqualTo("LOCKED");
		assertThat(notes.get(0).get("body").get("homework").asString()).as("typed just before signing")
			.isEqualTo("Swim once a week");
		assertThat(Map.of("type", notes.get(0).get("type").asString())).containsEntry("type", "INTEGRATION");
	}

	private void click(String id) {
		WebElement element = this.browser.findElement(By.id(id));
		((JavascriptExecutor) this.browser)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		this.wait.until(ExpectedConditions.elementToBeClickable(element)).click();
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
