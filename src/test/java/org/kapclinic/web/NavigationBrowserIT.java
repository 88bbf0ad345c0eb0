package org.kapclinic.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 item 8: the menu offers each role only what it can open, marks the current
 * page, and at tablet widths collapses behind a menu button so Sign out stays on screen;
 * the header's patient search works from any page.
 */
class NavigationBrowserIT extends IntegrationTest {

	@Test
	void aNurseOnATabletOpensTheCollapsedMenuAndFindsSignOutOnScreen() throws Exception {
		try (Chromium browser = Chromium.start(this.port, 820, 1180)) {
			browser.signIn("nurse.fern", PASSWORD);
			browser.open("/dosing/board");
			assertThat(browser.driver().findElement(By.id("nav")).isDisplayed()).as("collapsed at 820 px").isFalse();
			browser.click(By.cssSelector("button.navbar-toggler"));
			// Visible once the menu has opened.
			WebElement signOut = browser.find(By.xpath("//button[contains(., 'Sign out')]"));
			assertThat(signOut.getRect().getX() + signOut.getRect().getWidth()).as("Sign out within the screen")
				.isLessThanOrEqualTo(820);
			WebElement floor = browser.find(By.cssSelector("#nav a[href='/dosing/board']"));
			assertThat(floor.getAttribute("aria-current")).as("the current page is marked").isEqualTo("page");
			assertThat(floor.getAttribute("class")).contains("active");
			assertThat(browser.driver()
				.findElement(By.cssSelector("#nav a[href='/patients']"))
				.getAttribute("aria-current")).isNull();
			assertThat(browser.driver().findElements(By.cssSelector("#nav a[href='/consultations']")))
				.as("the triage queue is not a nurse's (kap.consultation.triage-roles)")
				.isEmpty();
		}
	}

	@Test
	void aLaptopShowsTheWholeMenuAndSignOutOnOneLine() throws Exception {
		try (Chromium browser = Chromium.start(this.port, 1280, 800)) {
			browser.signIn("admin", PASSWORD);
			browser.open("/patients");
			WebElement signOut = browser.find(By.xpath("//button[contains(., 'Sign out')]"));
			assertThat(signOut.isDisplayed()).isTrue();
			assertThat(signOut.getRect().getX() + signOut.getRect().getWidth()).isLessThanOrEqualTo(1280);
			assertThat(signOut.getRect().getY()).as("the bar does not wrap").isLessThan(60);
		}
	}

	@Test
	void frontDeskIsOfferedOnlyWhatItCanOpenAndFindsAPatientFromTheHeader() throws Exception {
		try (Chromium browser = Chromium.start(this.port, 1280, 800)) {
			browser.signIn("desk.dale", PASSWORD);
			browser.open("/schedule");
			String menu = browser.text(By.id("nav"));
			assertThat(menu).contains("Patients", "Requests", "Schedule", "Tasks")
				.doesNotContain("Floor", "Measures due", "Controlled substances", "Admin", "API");
			String family = this.jdbc.sql("select family_name from patient.patient order by mrn limit 1")
				.query(String.class)
				.single();
			browser.type(By.id("nav-search"), family + "\n");
			assertThat(browser.waitForText(family)).contains(family);
			assertThat(browser.driver().getCurrentUrl()).contains("/patients?q=");
		}
	}

	@Test
	void everyPageOfAChartSharesOneTabBarWithTheCurrentTabMarked() throws Exception {
		String patient = this.jdbc.sql("select patient_id::text from dosing.session order by checked_in_at limit 1")
			.query(String.class)
			.single();
		try (Chromium browser = Chromium.start(this.port, 1280, 900)) {
			browser.signIn("dr.quill", PASSWORD);
			browser.open("/patients/" + patient + "/measures");
			assertThat(browser.text(By.cssSelector("#chart-tabs a[aria-current='page']"))).isEqualTo("Measures");
			browser.click(By.cssSelector("#chart-tabs a[href$='/eligibility']"));
			browser.waitForText("Eligibility & consent");
			assertThat(browser.text(By.cssSelector("#chart-tabs a[aria-current='page']")))
				.isEqualTo("Eligibility & consent");
			assertThat(browser.text(By.id("chart-tabs"))).contains("Overview", "Schedule", "Dosing", "Notes");
		}
		try (Chromium browser = Chromium.start(this.port, 1280, 900)) {
			browser.signIn("desk.dale", PASSWORD);
			browser.open("/patients/" + patient + "/schedule");
			assertThat(browser.text(By.id("chart-tabs"))).as("front desk: no clinical tabs")
				.contains("Overview", "Schedule")
				.doesNotContain("Measures", "Notes", "Dosing");
		}
	}

}
