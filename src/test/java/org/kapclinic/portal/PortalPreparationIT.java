package org.kapclinic.portal;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kapclinic.BrowserSession;
import org.kapclinic.IntegrationTest;
import org.kapclinic.dosing.DosingSteps;
import org.kapclinic.identity.Passwords;
import org.kapclinic.identity.mfa.OneTimeCodes;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Preparation content per program and language (issue 21): the browser's language picks
 * the folder (Spanish here), marked with its language for screen readers; a language the
 * clinic has no text for falls back to English; a section read in one language counts in
 * the other (same section, same version).
 */
class PortalPreparationIT extends IntegrationTest {

	@Autowired
	private Passwords passwords;

	@Autowired
	private OneTimeCodes codes;

	@Test
	void thePatientsLanguageChoosesTheTextAndReadMarksCarryAcross() {
		String patient = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId)
			.fixtures()
			.ready("KAP", 70)
			.patientId();
		BrowserSession session = new PortalFixtures(this.jdbc, this.passwords, this.codes, this.port).signedIn(patient,
				userId("desk.dale"));
		String spanish = session.get("/portal/preparation", Map.of("Accept-Language", "es-MX,es;q=0.9")).body();
		assertThat(spanish).contains("Cómo es una sesión de dosificación", "No podrá manejar", "lang=\"es\"")
			.doesNotContain("What a dosing session is like");
		String french = session.get("/portal/preparation", Map.of("Accept-Language", "fr-FR")).body();
		assertThat(french).as("no French text: English").contains("What a dosing session is like", "lang=\"en\"");

		assertThat(session
			.post("/portal/preparation", "/portal/preparation/read", Map.of("sectionId", "after-the-session"),
					Map.of("Accept-Language", "es"))
			.statusCode()).isEqualTo(302);
		assertThat(session.get("/portal/preparation", Map.of("Accept-Language", "en")).body())
			.as("read in Spanish, read in English")
			.contains("3 of 4 still to read");
	}

}
