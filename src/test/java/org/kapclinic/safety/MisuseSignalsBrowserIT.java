package org.kapclinic.safety;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;
import org.kapclinic.dosing.DosingSteps;
import org.kapclinic.shared.ClinicTime;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The misuse signals in Chromium (issue 19), each role on its own pages: the prescriber
 * records a take-home supply; the nurse records a PDMP check with a concern, a request
 * for a higher dose, what the patient reports using of the supply, and a positive urine
 * drug screen on the Labs tab, then voids a mistyped entry; the Misuse signals tab shows
 * each signal in words, never a code.
 */
class MisuseSignalsBrowserIT extends IntegrationTest {

	@Autowired
	ClinicTime clinicTime;

	@Test
	void theNurseAndThePrescriberRecordTheFactsAndReadTheSignals() throws Exception {
		String patient = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId)
			.fixtures()
			.inCourse("KAP", 70, "MAINTENANCE_BOOSTER")
			.patientId();
		LocalDateTime now = LocalDateTime.now(this.clinicTime.timeZone()).truncatedTo(ChronoUnit.MINUTES);
		String today = now.toLocalDate().toString();
		String anHourAgo = now.minusHours(1).toString();
		String earlier = now.minusHours(2).toString();
		try (Chromium prescriber = Chromium.start(this.port, 1280, 900)) {
			prescriber.signIn("dr.quill", PASSWORD);
			prescriber.open("/patients/" + patient);
			prescriber.click(By.linkText("Misuse signals"));
			assertThat(prescriber.text(By.id("no-signals"))).isEqualTo("No signal in the window.");
			prescriber.type(By.id("product"), "Ketamine 100 mg troche");
			prescriber.type(By.id("quantityPrescribed"), "8");
			prescriber.setValue(By.id("prescribedOn"), today);
			prescriber.click(By.id("record-supply"));
			assertThat(prescriber.waitForText("Take-home supply recorded")).isNotBlank();
		}
		try (Chromium nurse = Chromium.start(this.port, 1280, 900)) {
			nurse.signIn("nurse.bell", PASSWORD);
			nurse.open("/patients/" + patient);
			nurse.click(By.linkText("Misuse signals"));
			assertThat(nurse.text(By.id("last-pdmp"))).contains("none recorded");
			nurse.setValue(By.id("checkedOn"), today);
			nurse.type(By.id("state"), "or");
			new Select(nurse.find(By.id("pdmp-result")))
				.selectByVisibleText("Concern: overlapping or unexpected controlled prescriptions");
			nurse.type(By.id("pdmp-note"), "A second prescriber in October");
			nurse.click(By.id("record-pdmp"));
			assertThat(nurse.waitForText("PDMP check recorded.")).isNotBlank();
			new Select(nurse.find(By.id("request-kind"))).selectByVisibleText("A higher dose");
			nurse.setValue(By.id("requestedOn"), today);
			nurse.click(By.id("record-request"));
			assertThat(nurse.waitForText("Request recorded.")).isNotBlank();
			nurse.type(By.cssSelector("#supplies input[name=quantityUsed]"), "5");
			nurse.type(By.cssSelector("#supplies input[name=quantityReturned]"), "1");
			nurse.setValue(By.cssSelector("#supplies input[name=reportedOn]"), today);
			nurse.click(By.cssSelector("#supplies button"));
			assertThat(nurse.waitForText("Reported use recorded.")).isNotBlank();

			nurse.click(By.linkText("Labs"));
			new Select(nurse.find(By.id("q-code"))).selectByVisibleText("Urine drug screen: cocaine");
			nurse.click(By.id("q-positive"));
			nurse.setValue(By.id("q-collectedAt"), earlier);
			nurse.click(By.id("record-qualitative"));
			assertThat(nurse.waitForText("Recorded Urine drug screen: cocaine Positive")).isNotBlank();
			new Select(nurse.find(By.id("q-code"))).selectByVisibleText("Urine drug screen: opiates");
			nurse.click(By.id("q-positive"));
			nurse.setValue(By.id("q-collectedAt"), anHourAgo);
			nurse.click(By.id("record-qualitative"));
			assertThat(nurse.waitForText("Recorded Urine drug screen: opiates Positive")).isNotBlank();
			nurse.click(By.xpath("//h3[text()='Urine drug screen: opiates']/following::summary[1]"));
			nurse.type(By.xpath("//h3[text()='Urine drug screen: opiates']/following::input[@name='reason'][1]"),
					"Recorded against the wrong test");
			nurse.click(By.xpath("//h3[text()='Urine drug screen: opiates']/following::form[1]//button"));
			assertThat(nurse.waitForText("Voided Urine drug screen: opiates Positive")).isNotBlank();
			assertThat(nurse.pageText()).doesNotContain("19295-5", "POSITIVE");

			nurse.click(By.linkText("Misuse signals"));
			assertThat(nurse.waitForText("Misuse and diversion signals"))
				.contains("Take-home supply not accounted for");
			String signals = nurse.text(By.id("signals"));
			assertThat(signals).contains("PDMP check raised a concern", "OR PDMP: A second prescriber in October",
					"Asked for a higher dose", "Take-home supply not accounted for",
					"Ketamine 100 mg troche: 2 troches not accounted for", "Positive urine drug screen",
					"Urine drug screen: cocaine");
			assertThat(signals).doesNotContain("opiates", "DOSE_ESCALATION", "PDMP_CONCERN");
			assertThat(nurse.text(By.id("signal-counts"))).contains("Positive urine drug screen: 1");
			assertThat(nurse.text(By.id("last-pdmp"))).contains(today + ", OR: Concern");
			nurse.screenshot("misuse-signals");
		}
	}

}
