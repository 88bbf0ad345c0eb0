package org.kapclinic.billing;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.kapclinic.BrowserSession;
import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;
import org.kapclinic.dosing.DosingSteps;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Billing in Chromium, each role on its own pages (issue 20): the administrator enters
 * the practice's details (a wrong NPI is refused in words) and the prices; after an
 * esketamine session is discharged, billing staff post its proposed lines, assess the
 * sliding scale, invoice, take a payment and open the superbill.
 */
class BillingBrowserIT extends IntegrationTest {

	@Test
	void theAdministratorPricesServicesAndBillingStaffInvoiceASession() throws Exception {
		LocalDate today = LocalDate.now();
		try (Chromium admin = Chromium.start(this.port, 1280, 900)) {
			admin.signIn("admin", PASSWORD);
			admin.open("/admin/billing");
			admin.type(By.id("name"), "Pretend Valley Ketamine Care");
			admin.type(By.id("address"), "2 Makebelieve Road, Nowhere, CO 80000");
			admin.type(By.id("npi"), "1234567890");
			admin.type(By.id("tin"), "98-7654321");
			admin.click(By.id("save-clinic"));
			assertThat(admin.waitForText("check digit")).isNotBlank();
			assertThat(admin.find(By.id("name")).getAttribute("value")).as("what was typed is kept")
				.isEqualTo("Pretend Valley Ketamine Care");
			admin.type(By.id("npi"), "9000000015");
			admin.click(By.id("save-clinic"));
			assertThat(admin.waitForText("Billing details saved.")).isNotBlank();
			for (WebElement price : admin.driver().findElements(By.cssSelector("input[id^='price-']"))) {
				price.clear();
				price.sendKeys("12.50");
			}
			admin.setValue(By.id("effectiveFrom"), today.minusDays(1).toString());
			admin.click(By.id("publish-fees"));
			assertThat(admin.waitForText("published, in force from " + today.minusDays(1))).isNotBlank();
			assertThat(admin.text(By.id("fee-lines"))).contains("Intranasal spray session", "Once per visit")
				.doesNotContain("DOSING:", "PER_SERVICE");

			// The prescriber's NPI, named on the superbill as the rendering clinician.
			admin.open("/admin/users/" + userId("dr.quill") + "/edit");
			admin.type(By.id("npi"), "9000000024");
			admin.click(By.cssSelector("form button[type=submit].btn-primary"));
			assertThat(admin.waitForText("check digit")).isNotBlank();
			admin.type(By.id("npi"), "9000000023");
			admin.click(By.cssSelector("form button[type=submit].btn-primary"));
			assertThat(admin.waitForText("Saved dr.quill.")).isNotBlank();
		}
		String session = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId)
			.dischargedEsketamineSession();
		String patient = this.jdbc.sql("select patient_id::text from dosing.session where id = ?::uuid")
			.param(session)
			.query(String.class)
			.single();
		String mrn = this.jdbc.sql("select mrn from patient.patient where id = ?::uuid")
			.param(patient)
			.query(String.class)
			.single();
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("select count(*) from billing.charge where patient_id = ?::uuid")
				.param(patient)
				.query(Long.class)
				.single() == 2);
		try (Chromium billing = Chromium.start(this.port, 1280, 900)) {
			billing.signIn("billing.bright", PASSWORD);
			billing.click(By.linkText("Billing"));
			billing.type(By.id("mrn"), mrn);
			billing.click(By.cssSelector("#find-account button"));
			assertThat(billing.text(By.id("charges"))).contains("G2082", "J0013", "Proposed", "$700.00");
			for (String code : List.of("G2082", "J0013")) {
				billing.click(By.cssSelector("button[aria-label='Post " + code + "']"));
				assertThat(billing.waitForText("Posted " + code)).isNotBlank();
			}
			assertThat(billing.text(By.id("charges"))).contains("Posted").doesNotContain("Proposed", "POSTED");

			billing.type(By.id("householdSize"), "3");
			billing.type(By.id("annualIncome"), "30000");
			billing.type(By.id("evidence"), "2025 tax return (fictional)");
			billing.click(By.cssSelector("#sliding-scale button"));
			assertThat(billing.waitForText("poverty guideline: tier B, 50 % off")).isNotBlank();

			billing.setValue(By.id("from"), today.minusDays(3).toString());
			billing.setValue(By.id("to"), today.toString());
			billing.click(By.cssSelector("#new-invoice button"));
			// $12.50 + 56 × $12.50 = $712.50, half off: $356.25.
			assertThat(billing.waitForText("issued: $356.25")).isNotBlank();
			WebElement invoice = billing.find(By.cssSelector(".invoice"));
			invoice.findElement(By.name("amount")).sendKeys("100");
			new Select(invoice.findElement(By.name("method"))).selectByVisibleText("Card (terminal)");
			invoice.findElement(By.name("reference")).sendKeys("terminal slip 0042");
			invoice.findElement(By.cssSelector(".payment-form button")).click();
			assertThat(billing.waitForText("Recorded $100.00 (Card (terminal))")).isNotBlank();
			assertThat(billing.text(By.cssSelector(".invoice .balance"))).isEqualTo("$256.25");

			invoice = billing.find(By.cssSelector(".invoice"));
			invoice.findElement(By.name("amount")).sendKeys("300");
			invoice.findElement(By.cssSelector(".payment-form button")).click();
			assertThat(billing.waitForText("more than the balance of $256.25")).isNotBlank();
			new Select(billing.find(By.id("code"))).selectByValue("90837");
			billing.type(By.id("units"), "2");
			billing.type(By.id("reason"), "Two integration hours after the session (fictional)");
			new Select(billing.find(By.id("renderingClinicianId"))).selectByVisibleText(
					this.jdbc.sql("select display_name from identity.app_user where username = 'dr.quill'")
						.query(String.class)
						.single());
			billing.click(By.cssSelector("#manual-charge button"));
			assertThat(billing.waitForText("Added and posted 90837 × 2 ($25.00).")).isNotBlank();
			billing.screenshot("billing-account");
		}
		String cookie = BrowserSession.signIn(this.port, "billing.bright", PASSWORD).cookie("SESSION");
		var pdf = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/billing/patients/" + patient
						+ "/superbill.pdf?from=" + today.minusDays(3) + "&to=" + today))
				.header("Cookie", "SESSION=" + cookie)
				.GET()
				.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " "))
				.contains("G2082", "J0013", "9000000015", "9000000023", "Pretend Valley Ketamine Care", "$737.50");
		}
		try (Chromium clinician = Chromium.start(this.port, 1280, 900)) {
			clinician.signIn("nurse.bell", PASSWORD);
			clinician.open("/billing");
			assertThat(clinician.pageText()).contains("Your role does not allow this.");
		}
	}

}
