package org.kapclinic.intake;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
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
		assertThat(patient.get(form).body()).as("the patient's own questionnaire: plain words, no codes, no vitals")
			.contains("Have you ever been told you have an aneurysm", "Medicines you take now")
			.doesNotContain("ICD-10", "Porphyria", "Systolic", "patient-mrn", "Back to eligibility");
		assertThat(patient.post(form, form, Map.of("history[PREGNANT]", "yes", "send", "false")).statusCode())
			.isEqualTo(302);
		assertThat(questionnaireStatus()).isEqualTo("DRAFT");
		assertThat(intakeCount()).as("a draft stays with the patient").isZero();
		assertThat(patient.get(form).body()).as("the draft comes back")
			.containsPattern("name=\"history\\[PREGNANT\\]\" value=\"yes\"[^>]*checked");

		HttpResponse<String> refused = patient.post(form, form,
				Map.of("history[PREGNANT]", "yes", "pastTreatments[0].name", "Sertraline (fictional trial)",
						"pastTreatments[0].weeks", "about ten", "send", "true"));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).as("a plain message next to the field, what was typed kept")
			.contains("write the number of weeks as a number", "about ten", "Sertraline (fictional trial)");
		assertThat(questionnaireStatus()).as("nothing half-saved").isEqualTo("DRAFT");

		HttpResponse<String> done = patient.post(form, form,
				Map.of("history[PREGNANT]", "yes", "history[PORPHYRIA]", "unsure", "medicines[0].name", "Sertraline",
						"medicines[0].howTaken", "100 mg every morning", "pastTreatments[0].name", "Escitalopram",
						"pastTreatments[0].weeks", "10", "pastTreatments[0].helped", "partly", "hopes",
						"to enjoy my garden again", "send", "true"));
		assertThat(done.statusCode()).isEqualTo(200);
		assertThat(done.body()).contains("Thank you");
		assertThat(questionnaireStatus()).isEqualTo("SUBMITTED");
		assertThat(status()).as("staff complete and submit the intake").isEqualTo("DRAFT");
		String answers = this.jdbc.sql("select answers::text from intake.intake where patient_id = ?::uuid")
			.param(this.patientId)
			.query(String.class)
			.single();
		assertThat(answers).contains("\"PREGNANT\"", "Sertraline (100 mg every morning)", "\"UNCLASSIFIED\"",
				"Escitalopram", "PARTIAL", "Not sure about: Porphyria", "to enjoy my garden again");
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
	void guessesSentAtOnceGetNoMoreThanFiveTries() throws Exception {
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(12);
		List<java.util.concurrent.Future<Integer>> guesses = new java.util.ArrayList<>();
		for (int i = 0; i < 30; i++) {
			String guess = "2000-01-" + String.format("%02d", i + 1);
			guesses.add(pool.submit(() -> {
				PatientBrowser stranger = new PatientBrowser(this.port);
				try {
					return stranger.post(this.link, this.link, Map.of("birthDate", guess)).statusCode();
				}
				catch (AssertionError closedMeanwhile) {
					// the link closed before this guess fetched its form: no form, no
					// guess
					return 410;
				}
			}));
		}
		for (java.util.concurrent.Future<Integer> guess : guesses) {
			guess.get();
		}
		pool.shutdown();

		long compared = this.jdbc.sql("""
				select count(*) from audit.entry where resource_type = 'PatientLink' and action = 'LOGIN'
				and patient_id = ?::uuid and outcome = 'FAILURE' and detail is null""")
			.param(this.patientId)
			.query(Long.class)
			.single();
		assertThat(compared).as("dates of birth actually compared (kap.patient-links.max-failed-checks)")
			.isLessThanOrEqualTo(5);
		assertThat(new PatientBrowser(this.port).get(this.link).statusCode()).isEqualTo(410);
	}

	@Test
	void theSessionIdChangesOnceTheDateOfBirthIsConfirmed() throws Exception {
		PatientBrowser patient = new PatientBrowser(this.port);
		patient.get(this.link);
		String before = patient.cookie("SESSION");
		assertThat(before).isNotNull();

		assertThat(patient.post(this.link, this.link, Map.of("birthDate", "1991-09-09")).statusCode()).isEqualTo(302);

		assertThat(patient.cookie("SESSION")).isNotNull().isNotEqualTo(before);
		assertThat(patient.get(this.link + "/form").statusCode()).as("the new session is the confirmed one")
			.isEqualTo(200);
	}

	@Test
	void anUnknownTokenLooksLikeAClosedLink() throws Exception {
		assertThat(new PatientBrowser(this.port).get("/intake/not-a-real-token").statusCode()).isEqualTo(410);
	}

	private String questionnaireStatus() {
		return this.jdbc.sql("select status from intake.questionnaire where patient_id = ?::uuid")
			.param(this.patientId)
			.query(String.class)
			.single();
	}

	private long intakeCount() {
		return this.jdbc.sql("select count(*) from intake.intake where patient_id = ?::uuid")
			.param(this.patientId)
			.query(Long.class)
			.single();
	}

	private String status() {
		return this.jdbc.sql("select status from intake.intake where patient_id = ?::uuid")
			.param(this.patientId)
			.query(String.class)
			.single();
	}

}
