package org.kapclinic.portal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;
import org.kapclinic.dosing.DosingSteps;
import org.kapclinic.identity.Passwords;
import org.kapclinic.identity.mfa.OneTimeCodes;
import org.kapclinic.identity.mfa.Totp;
import org.kapclinic.web.AccessibilityBrowserIT;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After-visit instructions (issue 21): a nurse discharges an esketamine session (through
 * the dosing API, as the floor does) and the patient's portal home shows the clinic's
 * instructions for the rest of the day with the session's program in words; the
 * after-visit page keeps them (walked on a 390 px phone). No driving until the next day:
 * SPRAVATO prescribing information 5.8.
 */
class PortalAfterVisitBrowserIT extends IntegrationTest {

	@Autowired
	private Passwords passwords;

	@Autowired
	private OneTimeCodes codes;

	@Test
	void aDischargedSessionGivesThePatientTheirAfterVisitInstructions() throws Exception {
		DosingSteps steps = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId);
		String session = steps.dischargedEsketamineSession();
		String patient = this.jdbc.sql("select patient_id::text from dosing.session where id = ?::uuid")
			.param(session)
			.query(String.class)
			.single();
		String key = this.codes.newKey();
		String email = new PortalFixtures(this.jdbc, this.passwords, this.codes, this.port).account(patient, key,
				userId("desk.dale"));
		try (Chromium phone = Chromium.start(this.port, 390, 844)) {
			PortalBrowserIT.signIn(phone, email, PortalFixtures.PASSWORD, Totp.codeNow(key, Instant.now()));
			assertThat(phone.text(By.id("after-visit"))).contains("After your session",
					"Do not drive or operate machinery until tomorrow");
			phone.click(By.linkText("All your after-visit instructions"));
			assertThat(phone.pageText()).contains("Esketamine nasal spray (REMS)").doesNotContain("ESKETAMINE,");
			List<String> violations = new ArrayList<>();
			AccessibilityBrowserIT.check(phone, "/portal/after-visit", violations);
			assertThat(violations).as("axe-core: no serious or critical WCAG 2.1 AA violations").isEmpty();
		}
	}

}
