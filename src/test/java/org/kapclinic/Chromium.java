package org.kapclinic;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, for browser tests that walk a page as a
 * user would: sign in, open, type, click, read. Skipped without Chromium unless
 * {@code -Dkap.browser.required=true} (CI installs it and requires it).
 */
public final class Chromium implements AutoCloseable {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	/** Narrower than this is a phone, emulated (see {@link #start}). */
	private static final int PHONE_WIDTH = 600;

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private final ChromeDriver browser;

	private final WebDriverWait wait;

	private final int port;

	/** 127.0.0.1, or {@code localhost} where a page needs a host name (passkeys). */
	private String host = "127.0.0.1";

	private final java.util.List<org.openqa.selenium.virtualauthenticator.VirtualAuthenticator> authenticators = new java.util.ArrayList<>();

	private Chromium(ChromeDriver browser, int port) {
		this.browser = browser;
		this.port = port;
		// Polled every 20 ms, not Selenium's default 500 ms: a page that is ready in 30
		// ms
		// would otherwise cost half a second per wait, hundreds of times a run.
		this.wait = new WebDriverWait(browser, Duration.ofSeconds(10), Duration.ofMillis(20));
	}

	/**
	 * Idle browsers, kept for the next test: starting Chromium costs 1–2 s, and a browser
	 * kept keeps its cache of the pages' scripts and styles, as a person's browser does.
	 * A test that needs two at once (a laptop and a phone) gets a second.
	 */
	private static final Deque<ChromeDriver> IDLE = new ArrayDeque<>();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			synchronized (IDLE) {
				IDLE.forEach(WebDriver::quit);
				IDLE.clear();
			}
		}, "chromium-quit"));
	}

	/**
	 * A browser window of the given size (a laptop 1280×900, a phone 390×844), signed
	 * out, with nothing open.
	 */
	public static Chromium start(int port, int width, int height) throws java.io.IOException {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!Boolean.getBoolean("kap.browser.required")) {
			Assumptions.assumeTrue(installed, "Chromium is not installed (apt-get install chromium chromium-driver)");
		}
		ChromeDriver driver;
		synchronized (IDLE) {
			driver = IDLE.poll();
		}
		if (driver == null) {
			driver = launch();
		}
		if (width < PHONE_WIDTH) {
			// A desktop window cannot be narrower than about 500 px, so a phone is
			// emulated as Chrome's device toolbar does: its viewport, with the page's
			// viewport tag applied (mobile).
			driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
		}
		else {
			driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
			driver.manage().window().setSize(new Dimension(width, height));
		}
		return new Chromium(driver, port);
	}

	private static ChromeDriver launch() throws java.io.IOException {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--window-size=1280,900", "--force-prefers-reduced-motion",
				"--user-data-dir=" + Files.createTempDirectory("kap-chromium"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

	/**
	 * Registers a patient through the registration page, as staff do, and returns the id
	 * of the chart it opens.
	 */
	public String registerPatient(String given, String family, String birthDate) {
		open("/patients/new");
		type(By.id("givenName"), given);
		type(By.id("familyName"), family);
		setValue(By.id("birthDate"), birthDate);
		click(By.id("save-patient"));
		waitForText(family);
		return this.browser.getCurrentUrl().replaceAll(".*/patients/([0-9a-f-]{36}).*", "$1");
	}

	/**
	 * Signs in with the sign-in page's own form post (sent over HTTP, not typed: the page
	 * itself is walked by {@code BrowserIT} and checked by the accessibility test), hands
	 * the session to the browser and opens the page sign-in lands on. Typing it in cost
	 * half a second per test.
	 */
	public void signIn(String username, String password) {
		BrowserSession session = BrowserSession.signIn(this.port, username, password);
		open("/assets/css/app.css");
		this.browser.manage().addCookie(new org.openqa.selenium.Cookie("SESSION", session.cookie("SESSION"), "/"));
		open("/patients");
		this.wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	public void open(String path) {
		this.browser.get("http://" + this.host + ":" + this.port + path);
	}

	public WebElement find(By by) {
		return this.wait.until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	public void type(By by, String text) {
		WebElement field = find(by);
		field.clear();
		field.sendKeys(text);
	}

	public void click(By by) {
		WebElement element = this.wait.until(ExpectedConditions.presenceOfElementLocated(by));
		((JavascriptExecutor) this.browser)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		this.wait.until(ExpectedConditions.elementToBeClickable(element)).click();
	}

	/**
	 * Accepts the question an irreversible action asks first (data-confirm) and returns
	 * its text, so a test can check the consequence is stated.
	 */
	public String confirm() {
		org.openqa.selenium.Alert alert = this.wait.until(ExpectedConditions.alertIsPresent());
		String question = alert.getText();
		alert.accept();
		return question;
	}

	/**
	 * Sets a form field's value as the browser's own picker would (date and time inputs).
	 */
	public void setValue(By by, String value) {
		((JavascriptExecutor) this.browser).executeScript("arguments[0].value = arguments[1];", find(by), value);
	}

	/** The element's visible text (found again if the page was replaced meanwhile). */
	public String text(By by) {
		for (int attempt = 0;; attempt++) {
			try {
				return find(by).getText();
			}
			catch (org.openqa.selenium.WebDriverException ex) {
				if (!replacedMeanwhile(ex) || attempt == 5) {
					throw ex;
				}
			}
		}
	}

	/** The page's visible text (read again if the page was replaced meanwhile). */
	public String pageText() {
		for (int attempt = 0;; attempt++) {
			try {
				return this.browser.findElement(By.tagName("body")).getText();
			}
			catch (org.openqa.selenium.WebDriverException ex) {
				if (!replacedMeanwhile(ex) || attempt == 5) {
					throw ex;
				}
			}
		}
	}

	/**
	 * Waits until the page shows the text (after a click that loads a page), then returns
	 * the page's text.
	 */
	public String waitForText(String text) {
		this.wait.until((driver) -> {
			try {
				return driver.findElement(By.tagName("body")).getText().contains(text);
			}
			catch (org.openqa.selenium.WebDriverException ex) {
				if (replacedMeanwhile(ex)) {
					return false;
				}
				throw ex;
			}
		});
		return pageText();
	}

	/**
	 * Whether reading an element failed because the page was replaced between finding and
	 * reading it. Chrome reports that either as a stale element or, when the navigation
	 * lands between the two DevTools calls, as the inspector error "Node with given id
	 * does not belong to the document" (CI saw it once in ScheduleGridBrowserIT).
	 */
	private static boolean replacedMeanwhile(org.openqa.selenium.WebDriverException ex) {
		String message = String.valueOf(ex.getMessage());
		return ex instanceof org.openqa.selenium.StaleElementReferenceException
				|| ex instanceof org.openqa.selenium.NoSuchElementException
				|| message.contains("does not belong to the document") || message.contains("No node with given id");
	}

	public void screenshot(String name) throws java.io.IOException {
		Path target = Path.of("target", "screenshots");
		Files.createDirectories(target);
		Files.write(target.resolve(name + ".png"), ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.BYTES));
	}

	/**
	 * Opens pages at {@code http://localhost:<port>} from now on: passkeys belong to a
	 * host name, never an IP address (WebAuthn's RP ID).
	 */
	public Chromium onLocalhost() {
		this.host = "localhost";
		return this;
	}

	/**
	 * A passkey authenticator built into this browser (Chrome's virtual authenticator:
	 * CTAP2, platform, resident keys, the user verified at once), removed when the
	 * browser goes back to the pool.
	 */
	public void addPasskeyAuthenticator() {
		org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions options = new org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions()
			.setProtocol(org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions.Protocol.CTAP2)
			.setTransport(org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions.Transport.INTERNAL)
			.setHasResidentKey(true)
			.setHasUserVerification(true)
			.setIsUserVerified(true)
			.setIsUserConsenting(true);
		this.authenticators.add(this.browser.addVirtualAuthenticator(options));
	}

	public WebDriver driver() {
		return this.browser;
	}

	/**
	 * Signs out (every cookie goes), closes what the test opened and puts the browser
	 * back for the next test; a browser that cannot be reset is quit.
	 */
	@Override
	public void close() {
		try {
			for (String handle : this.browser.getWindowHandles()) {
				if (this.browser.getWindowHandles().size() > 1) {
					this.browser.switchTo().window(handle).close();
				}
			}
			this.browser.switchTo().window(this.browser.getWindowHandles().iterator().next());
			dismissAlert();
			this.authenticators.forEach(this.browser::removeVirtualAuthenticator);
			this.browser.get("about:blank");
			this.browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
			this.browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		}
		catch (RuntimeException ex) {
			this.browser.quit();
			return;
		}
		synchronized (IDLE) {
			IDLE.push(this.browser);
		}
	}

	private void dismissAlert() {
		try {
			this.browser.switchTo().alert().dismiss();
		}
		catch (org.openqa.selenium.NoAlertPresentException ex) {
			// none open: the usual case
		}
	}

}
