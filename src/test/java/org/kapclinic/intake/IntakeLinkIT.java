package org.kapclinic.intake;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A patient fills in their own intake through a single-use, expiring link. */
class IntakeLinkIT extends IntegrationTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private String patientId;

	private String link;

	@BeforeEach
	void linkForANewPatient() {
		String prescriber = tokenFor("dr.quill");
		this.patientId = this.api
			.post("/api/v1/patients", Map.of("givenName", "Link", "familyName", "Fillwell", "birthDate", "1991-09-09"),
					prescriber)
			.json()
			.get("id")
			.asString();
		JsonNode created = this.api.post("/api/v1/patients/" + this.patientId + "/intake-links", Map.of(), prescriber)
			.json();
		this.link = URI.create(created.get("url").asString()).getPath();
		assertThat(this.link).startsWith("/intake/");
	}

	@Test
	void thePatientConfirmsTheirBirthDateSavesADraftThenSubmitsAndTheLinkCloses() throws Exception {
		Browser patient = new Browser();
		assertThat(patient.get(this.link).statusCode()).isEqualTo(200);
		assertThat(patient.get(this.link + "/form").headers().firstValue("Location")).as("not confirmed yet")
			.hasValueSatisfying((location) -> assertThat(location).endsWith(this.link));

		HttpResponse<String> wrong = patient.post(this.link, this.link, Map.of("birthDate", "1991-09-10"));
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(wrong.body()).contains("does not match");
		assertThat(patient.post(this.link, this.link, Map.of("birthDate", "1991-09-09")).statusCode()).isEqualTo(302);

		String form = this.link + "/form";
		assertThat(patient.post(form, form, Map.of("conditions", "PREGNANT", "submit", "false")).statusCode())
			.isEqualTo(302);
		assertThat(status()).isEqualTo("DRAFT");
		assertThat(patient.get(form).body()).as("no staff details on the patient's page")
			.doesNotContain("patient-mrn")
			.doesNotContain("Back to eligibility");
		assertThat(patient.get(form).body()).as("the draft comes back")
			.containsPattern("value=\"PREGNANT\"[^>]*checked");

		HttpResponse<String> done = patient.post(form, form, Map.of("conditions", "PREGNANT", "vitals.systolic", "118",
				"vitals.diastolic", "76", "vitals.heartRate", "64", "submit", "true"));
		assertThat(done.statusCode()).isEqualTo(200);
		assertThat(done.body()).contains("Thank you");
		assertThat(status()).isEqualTo("SUBMITTED");
		assertThat(patient.get(this.link).statusCode()).as("single use").isEqualTo(410);
		assertThat(this.jdbc.sql("select count(*) from audit.entry where patient_id = ?::uuid and actor_name = ?")
			.params(this.patientId, "patient via intake link")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void anExpiredLinkIsClosed() throws Exception {
		this.jdbc
			.sql("update intake.intake_link set expires_at = now() - interval '1 minute' where patient_id = ?::uuid")
			.param(this.patientId)
			.update();

		assertThat(new Browser().get(this.link).statusCode()).isEqualTo(410);
	}

	@Test
	void repeatedWrongBirthDatesCloseTheLink() throws Exception {
		Browser stranger = new Browser();
		for (int i = 0; i < 5; i++) {
			stranger.post(this.link, this.link, Map.of("birthDate", "2000-01-0" + (i + 1)));
		}

		assertThat(new Browser().get(this.link).statusCode()).isEqualTo(410);
	}

	@Test
	void anUnknownTokenLooksLikeAClosedLink() throws Exception {
		assertThat(new Browser().get("/intake/not-a-real-token").statusCode()).isEqualTo(410);
	}

	private String status() {
		return this.jdbc.sql("select status from intake.intake where patient_id = ?::uuid")
			.param(this.patientId)
			.query(String.class)
			.single();
	}

	/**
	 * A cookie-keeping client that posts forms with their CSRF token, like a phone
	 * browser.
	 */
	private final class Browser {

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		HttpResponse<String> get(String path) throws Exception {
			return this.http.send(HttpRequest.newBuilder(uri(path)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String page, String path, Map<String, String> fields) throws Exception {
			Matcher token = CSRF.matcher(get(page).body());
			assertThat(token.find()).as("CSRF token on " + page).isTrue();
			String body = fields.entrySet()
				.stream()
				.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&",
						"_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8) + "&", ""));
			return this.http.send(HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		private URI uri(String path) {
			return URI.create("http://127.0.0.1:" + IntakeLinkIT.this.port + path);
		}

	}

}
