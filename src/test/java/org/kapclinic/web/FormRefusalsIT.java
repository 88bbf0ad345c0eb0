package org.kapclinic.web;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.kapclinic.BrowserSession;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 3: one refusal path for pages. A refused form post, whichever controller
 * took it, goes back to the page the form was on with the refusal in words (and the
 * chart's patient for its "how to fix" links); a referrer from elsewhere is never
 * followed, and then the error page says it.
 */
class FormRefusalsIT extends IntegrationTest {

	@Test
	void aRefusedPostGoesBackToItsFormWithTheRefusalInWords() {
		String patient = this.jdbc.sql("select id::text from patient.patient order by mrn limit 1")
			.query(String.class)
			.single();
		String page = "/patients/" + patient + "/measures";
		BrowserSession prescriber = BrowserSession.signIn(this.port, "dr.quill", PASSWORD);

		HttpResponse<String> refused = prescriber.post(page, "/patients/" + patient + "/measure-schedules",
				Map.of("cadence", "WEEKLY"));
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith(page);
		String shown = prescriber.get(page).body();
		assertThat(shown).contains("id=\"refusal\"", "Not saved: please check the following.");

		HttpResponse<String> elsewhere = prescriber.post(page, "/patients/" + patient + "/measure-schedules",
				Map.of("cadence", "WEEKLY"), "https://evil.example/phish");
		assertThat(elsewhere.statusCode()).as("no redirect to another site").isEqualTo(400);
		assertThat(elsewhere.body()).contains("Not saved");
		assertThat(elsewhere.headers().firstValue("Location")).isEmpty();
	}

}
