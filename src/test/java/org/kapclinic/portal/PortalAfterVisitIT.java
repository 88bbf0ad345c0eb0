package org.kapclinic.portal;

import org.junit.jupiter.api.Test;
import org.kapclinic.BrowserSession;
import org.kapclinic.IntegrationTest;
import org.kapclinic.dosing.DosingSteps;
import org.kapclinic.identity.Passwords;
import org.kapclinic.identity.mfa.OneTimeCodes;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After-visit instructions (issue 21): a nurse discharges an esketamine session (through
 * the dosing API, as the floor does) and the patient's portal home shows the clinic's
 * instructions for the rest of the day with the session's program in words; the
 * after-visit page keeps them. No driving until the next day: SPRAVATO prescribing
 * information 5.8.
 */
class PortalAfterVisitIT extends IntegrationTest {

	@Autowired
	private Passwords passwords;

	@Autowired
	private OneTimeCodes codes;

	@Test
	void aDischargedSessionGivesThePatientTheirAfterVisitInstructions() {
		DosingSteps steps = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId);
		String session = steps.dischargedEsketamineSession();
		String patient = this.jdbc.sql("select patient_id::text from dosing.session where id = ?::uuid")
			.param(session)
			.query(String.class)
			.single();
		BrowserSession portal = new PortalFixtures(this.jdbc, this.passwords, this.codes, this.port).signedIn(patient,
				userId("desk.dale"));
		assertThat(portal.get("/portal").body()).contains("id=\"after-visit\"", "After your session",
				"Do not drive or operate machinery until tomorrow");
		assertThat(portal.get("/portal/after-visit").body()).contains("Esketamine nasal spray (REMS)")
			.doesNotContain("ESKETAMINE,");
	}

}
