package org.kapclinic.intake;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.kapclinic.IntegrationTest;
import org.kapclinic.PatientBrowser;

import static org.assertj.core.api.Assertions.assertThat;

/** A patient fills in their own intake through a single-use, expiring link. */
class IntakeLinkIT extends IntegrationTest {

	private String patientId;

	private String link;

	@BeforeEach
	void linkForANewPatient() {
		String prescriber = tokenFor("dr.quill");
		this.patientId = this.api
			.post("/api/v1/patients", Map.of("givenName", "Link", "familyName", "Fillwell", "birthDate", "1991-09-09",
					"confirmDuplicate", true), prescriber)
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
		PatientBrowser patient = new PatientBrowser(this.port);
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
			.params(this.patientId, "patient via link")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void anExpiredLinkIsClosed() throws Exception {
		this.jdbc
			.sql("update patient.patient_link set expires_at = now() - interval '1 minute' where patient_id = ?::uuid")
			.param(this.patientId)
			.update();

		assertThat(new PatientBrowser(this.port).get(this.link).statusCode()).isEqualTo(410);
	}

	@Test
	void repeatedWrongBirthDatesCloseTheLink() throws Exception {
		PatientBrowser stranger = new PatientBrowser(this.port);
		for (int i = 0; i < 5; i++) {
			stranger.post(this.link, this.link, Map.of("birthDate", "2000-01-0" + (i + 1)));
		}

		assertThat(new PatientBrowser(this.port).get(this.link).statusCode()).isEqualTo(410);
	}

	@Test
	void anUnknownTokenLooksLikeAClosedLink() throws Exception {
		assertThat(new PatientBrowser(this.port).get("/intake/not-a-real-token").statusCode()).isEqualTo(410);
	}

	private String status() {
		return this.jdbc.sql("select status from intake.intake where patient_id = ?::uuid")
			.param(this.patientId)
			.query(String.class)
			.single();
	}

}
