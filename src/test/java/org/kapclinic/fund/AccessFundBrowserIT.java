package org.kapclinic.fund;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;
import org.kapclinic.dosing.DosingSteps;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access fund in Chromium, each role on its own pages (issue 20): billing records a
 * donation, the front desk applies for a patient, the committee awards; then the
 * patient's prescriber walks every chart tab and finds no trace of the award (blinded by
 * design), and the fund's pages refuse them.
 */
class AccessFundBrowserIT extends IntegrationTest {

	@Test
	void billingTheFrontDeskAndTheCommitteeFundAPatientAndTheClinicianCannotTell() throws Exception {
		String patient = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId)
			.fixtures()
			.inCourse("KAP", 70, "KAP_IN_SESSION")
			.patientId();
		String mrn = this.jdbc.sql("select mrn from patient.patient where id = ?::uuid")
			.param(patient)
			.query(String.class)
			.single();
		try (Chromium billing = Chromium.start(this.port, 1280, 900)) {
			billing.signIn("billing.bright", PASSWORD);
			billing.click(By.linkText("Access fund"));
			billing.type(By.id("donorName"), "Tamsin Goodpenny (fictional)");
			billing.type(By.id("amount"), "1234.56");
			billing.setValue(By.id("receivedOn"), LocalDate.now().minusDays(1).toString());
			new Select(billing.find(By.id("restriction")))
				.selectByVisibleText("Program: Ketamine-assisted psychotherapy");
			billing.click(By.id("record-donation"));
			assertThat(billing.waitForText("Recorded $1,234.56 from Tamsin Goodpenny (fictional)")).isNotBlank();
			assertThat(billing.text(By.id("balances"))).contains("Program: Ketamine-assisted psychotherapy");
			assertThat(billing.pageText()).doesNotContain("PROGRAM:KAP", "CHECK");
		}
		try (Chromium desk = Chromium.start(this.port, 1280, 900)) {
			desk.signIn("desk.dale", PASSWORD);
			desk.click(By.linkText("Access fund"));
			desk.type(By.id("mrn"), mrn);
			desk.type(By.id("householdSize"), "2");
			desk.type(By.id("annualIncome"), "22000");
			desk.type(By.id("needStatement"), "Self-pay; between jobs (fictional).");
			desk.click(By.id("send-application"));
			assertThat(desk.waitForText("Application sent to the committee")).contains("% of the");
			assertThat(desk.driver().findElements(By.cssSelector(".pending-application")))
				.as("the front desk applies but does not see the committee's list")
				.isEmpty();
		}
		try (Chromium committee = Chromium.start(this.port, 1280, 900)) {
			committee.signIn("fund.finch", PASSWORD);
			committee.open("/fund/applications");
			WebElement application = committee.driver()
				.findElements(By.cssSelector(".pending-application"))
				.stream()
				.filter((card) -> card.getText().contains(mrn))
				.findFirst()
				.orElseThrow();
			assertThat(application.getText()).contains("household of 2", "$22,000.00");
			application.findElement(By.name("amount")).sendKeys("400");
			new Select(application.findElement(By.name("restriction")))
				.selectByVisibleText("Program: Ketamine-assisted psychotherapy");
			// An award of sessions: four of the patient's KAP course, up to $400.
			application.findElement(By.name("sessions")).sendKeys("4");
			assertThat(new Select(application.findElement(By.name("courseId"))).getFirstSelectedOption().getText())
				.startsWith("Ketamine-assisted psychotherapy, from");
			application.findElement(By.name("reason")).sendKeys("Below 200 % of the guideline");
			application.findElement(By.cssSelector("button[value=AWARDED]")).click();
			assertThat(committee
				.waitForText("awarded $400.00 from Program: Ketamine-assisted psychotherapy for 4 sessions"))
				.isNotBlank();
			assertThat(committee.text(By.id("decided"))).contains(mrn, "Awarded", "$400.00", "4 sessions");
			committee.screenshot("fund-applications");
		}
		try (Chromium clinician = Chromium.start(this.port, 1280, 900)) {
			clinician.signIn("dr.quill", PASSWORD);
			clinician.open("/patients/" + patient);
			List<String> tabs = clinician.driver()
				.findElements(By.cssSelector("a[href^='/patients/" + patient + "']"))
				.stream()
				.map((a) -> a.getAttribute("href"))
				.distinct()
				.toList();
			assertThat(tabs).hasSizeGreaterThan(5);
			for (String tab : tabs) {
				clinician.driver().get(tab);
				assertThat(clinician.pageText()).as(tab)
					.doesNotContainIgnoringCase("access fund")
					.doesNotContain("$400.00", "Awarded", "Below 200 % of the guideline", "sponsor");
			}
			clinician.open("/fund/applications");
			assertThat(clinician.pageText()).contains("Your role does not allow this.");
			assertThat(clinician.driver().findElements(By.linkText("Access fund"))).isEmpty();
		}
	}

}
