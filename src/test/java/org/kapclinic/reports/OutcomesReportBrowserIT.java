package org.kapclinic.reports;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A prescriber reads the practice outcomes report (issue 18) on the demo clinic's
 * synthetic finished courses: from the menu, the weekly figures opened, narrowed to one
 * program, then to alcohol-use-disorder courses (AUDIT and abstinence beside Krupitsky),
 * a wrong condition refused with what to type; a nurse has no menu entry and is refused
 * the page.
 */
class OutcomesReportBrowserIT extends IntegrationTest {

	@Test
	void aPrescriberReadsTheReportNarrowsItAndANurseCannotOpenIt() throws Exception {
		try (Chromium browser = Chromium.start(this.port, 1366, 900)) {
			browser.signIn("dr.quill", PASSWORD);
			browser.click(By.linkText("Outcomes"));
			assertThat(browser.text(By.tagName("h1"))).isEqualTo("Practice outcomes");
			String page = browser.waitForText("By follow-up window");
			assertThat(page).contains("End of course", "12 months", "Response", "Ketamine-assisted psychotherapy",
					"IV ketamine infusion", "Esketamine nasal spray (REMS)", "Held by a pre-dose reading",
					"Monitoring alerts", "Sessions without vital signs after the dose");
			assertThat(browser.text(By.id("windows-table"))).as("the demo's finished courses").doesNotContain("—");
			assertThat(page).as("small groups are hidden, not shown as counts").contains("< 11");
			assertThat(browser.text(By.id("adverse-events"))).contains("Nausea", "Mild");
			assertThat(page).doesNotContain("IV_INFUSION", "END_OF_COURSE", "moderately-severe");
			assertThat(browser.driver().findElement(By.id("outcomes-chart")).isDisplayed()).isTrue();
			assertThat(browser.driver().findElement(By.id("waterfall-chart")).isDisplayed()).isTrue();
			assertThat(browser.driver().findElement(By.id("weekly-chart")).isDisplayed()).isTrue();
			browser.click(By.cssSelector("#weekly-card summary"));
			assertThat(browser.text(By.id("weekly-table"))).as("the weekly chart's figures, in words")
				.contains("All programs", "0 (baseline)", "Ketamine-assisted psychotherapy");
			assertThat(page).as("no abstinence view outside an alcohol cohort")
				.doesNotContain("Alcohol use: abstinence");
			assertThat(browser.text(By.id("cohort-definition"))).contains("PHQ-9", "all programs",
					"first dose any date");
			browser.screenshot("outcomes-report");
			int all = Integer.parseInt(browser.text(By.id("cohort-courses")));

			new Select(browser.find(By.id("program"))).selectByVisibleText("IV ketamine infusion");
			new Select(browser.find(By.id("instrument"))).selectByValue("PHQ-9");
			browser.click(By.id("run-report"));
			browser.waitForText("By follow-up window");
			assertThat(browser.driver().getCurrentUrl()).contains("program=IV_INFUSION");
			assertThat(new Select(browser.find(By.id("program"))).getFirstSelectedOption().getText())
				.isEqualTo("IV ketamine infusion");
			assertThat(Integer.parseInt(browser.text(By.id("cohort-courses")))).as("IV courses only")
				.isPositive()
				.isLessThan(all);
			assertThat(browser.text(By.id("breakdown-program"))).doesNotContain("Ketamine-assisted psychotherapy");
			assertThat(browser.text(By.id("cohort-definition"))).contains("IV ketamine infusion");

			new Select(browser.find(By.id("program"))).selectByIndex(0);
			new Select(browser.find(By.id("instrument"))).selectByValue("AUDIT");
			browser.type(By.id("condition"), "F10");
			browser.click(By.id("run-report"));
			String alcohol = browser.waitForText("Alcohol use: abstinence since the first dose");
			assertThat(browser.text(By.id("abstinence-table"))).contains("1 month", "12 months");
			assertThat(browser.text(By.id("abstinence-comparison"))).contains("Krupitsky", "73 of 111");
			assertThat(alcohol).contains("AUDIT · all programs").doesNotContain("abstinent-since-first-dose");
			browser.screenshot("outcomes-report-alcohol");

			browser.type(By.id("condition"), "depression");
			browser.click(By.id("run-report"));
			assertThat(browser.waitForText("The report was not run")).contains("an ICD-10-CM code or its start");
			assertThat(browser.find(By.id("condition")).getAttribute("class")).contains("is-invalid");
			browser.screenshot("outcomes-report-refused-condition");
		}
		try (Chromium nurse = Chromium.start(this.port, 1366, 900)) {
			nurse.signIn("nurse.bell", PASSWORD);
			assertThat(nurse.driver().findElements(By.linkText("Outcomes"))).isEmpty();
			nurse.open("/reports/outcomes");
			assertThat(nurse.text(By.tagName("h1"))).isEqualTo("Not allowed");
		}
	}

	@Test
	void anAdministratorPublishesTheReportAnyoneReadsItOnAPhoneAndItIsWithdrawn() throws Exception {
		try (Chromium admin = Chromium.start(this.port, 1366, 900)) {
			admin.signIn("admin", PASSWORD);
			admin.open("/reports/outcomes");
			new Select(admin.find(By.id("program"))).selectByVisibleText("IV ketamine infusion");
			admin.click(By.id("run-report"));
			admin.waitForText("By follow-up window");
			admin.click(By.id("publish-report"));
			assertThat(admin.waitForText("Published: the public page")).contains("The public page /outcomes shows");
			assertThat(admin.driver().getCurrentUrl()).as("back on the same cohort").contains("program=IV_INFUSION");

			try (Chromium visitor = Chromium.start(this.port, 390, 844)) {
				visitor.open("/outcomes");
				assertThat(visitor.text(By.tagName("h1"))).isEqualTo("Treatment outcomes");
				String page = visitor.pageText();
				assertThat(page).contains("IV ketamine infusion", "End of course", "How these figures are made",
						"fewer than 11 patients");
				assertThat(page).as("a visitor is not signed in").doesNotContain("Sign out", "Find a patient");
				assertThat(visitor.text(By.id("public-outcomes"))).doesNotContain("IV_INFUSION", "END_OF_COURSE");
				visitor.screenshot("public-outcomes-phone");
			}

			admin.open("/reports/outcomes");
			admin.click(By.id("withdraw-report"));
			assertThat(admin.waitForText("Withdrawn")).contains("Nothing is published");
			try (Chromium visitor = Chromium.start(this.port, 390, 844)) {
				visitor.open("/outcomes");
				assertThat(visitor.pageText()).contains("404");
			}
		}
		try (Chromium prescriber = Chromium.start(this.port, 1366, 900)) {
			prescriber.signIn("dr.quill", PASSWORD);
			prescriber.open("/reports/outcomes");
			prescriber.waitForText("By follow-up window");
			assertThat(prescriber.driver().findElements(By.id("publish-report"))).as("administrators publish")
				.isEmpty();
		}
	}

}
