package org.kapclinic.dosing;

import java.time.Clock;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;
import org.kapclinic.dosing.DosingFixtures.Ready;
import org.kapclinic.shared.ClinicTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A prescriber meets cumulative exposure in Chromium (issue 19): the chart's dosing tab
 * shows the rolling totals, and the order card of a ninth session in 30 days (more than
 * the Spravato induction's 8, clinical.md §2.2) asks for a reason, which the placed order
 * then shows. The patient's earlier sessions are imported history, as the demo's are.
 */
class ExposureBrowserIT extends IntegrationTest {

	@Autowired
	private DosingImport history;

	@Autowired
	private ClinicTime clinicTime;

	@Autowired
	private Clock clock;

	@Test
	@DisplayName("A ninth dosing session in 30 days is ordered on the page only with a reason (kap.safety.exposure.caution-sessions, 8)")
	void theDosingTabShowsExposureAndTheOrderAsksForAReason() throws Exception {
		DosingSteps steps = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId);
		Ready ready = steps.fixtures().ready("IV_INFUSION", 80);
		past().give(UUID.fromString(ready.patientId()), 2, 5, 8, 11, 14, 17, 20, 23);
		String session = steps.checkedIn(ready.patientId(), ready.appointmentId(), "IV_KETAMINE");
		steps.readyToOrder(session);

		try (Chromium browser = Chromium.start(this.port, 1280, 900)) {
			browser.signIn("dr.quill", PASSWORD);
			browser.open("/patients/" + ready.patientId() + "/dosing");
			String tab = browser.text(By.id("exposure-table"));
			assertThat(tab).contains("Last 30 days 8 320 4", "Lifetime 8", "Intravenous infusion: 8");
			assertThat(tab).doesNotContain("30D", "IV:");
			assertThat(browser.driver().findElements(By.cssSelector("#exposure .alert"))).as("8: no caution yet")
				.isEmpty();

			browser.open("/dosing/sessions/" + session);
			assertThat(browser.text(By.id("order-caution-SESSIONS_30_DAYS")))
				.contains("9 dosing sessions in the last 30 days, more than 8");
			browser.type(By.id("dose"), "0.5");
			browser.type(By.id("exposureReason"), "Induction re-started after a relapse; bladder screen clear");
			browser.click(By.cssSelector("#order-card button[type=submit]"));
			browser.waitForText("Order placed.");
			assertThat(browser.text(By.id("order-exposure-acknowledgement"))).contains("9 dosing sessions",
					"acknowledged: Induction re-started after a relapse");
			browser.screenshot("exposure-order-acknowledged");
		}
	}

	private PastIvSessions past() {
		return new PastIvSessions(this.history, this.clinicTime, this.clock, userId("nurse.bell"), userId("dr.quill"));
	}

}
