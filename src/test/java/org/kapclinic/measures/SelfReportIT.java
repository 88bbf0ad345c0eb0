package org.kapclinic.measures;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;
import org.kapclinic.PatientBrowser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A patient answers a PHQ-9 through an e-mailed, single-use link: date of birth first,
 * answers saved as they go, crisis resources at once after a suicide-risk answer, and an
 * urgent task for the prescriber and therapist on the care team.
 */
class SelfReportIT extends IntegrationTest {

	private static final Pattern LINK = Pattern.compile("https?://[^\\s]+/self-report/[A-Za-z0-9_-]+");

	private String prescriber;

	private String patientId;

	private String email;

	@BeforeEach
	void patientWithAnEmailOnTherapistCovesTeam() {
		this.prescriber = tokenFor("dr.quill");
		this.email = "self-report-" + UUID.randomUUID() + "@example.test";
		this.patientId = this.api
			.post("/api/v1/patients", Map.of("givenName", "Selfie", "familyName", "Reportwell", "birthDate",
					"1988-08-08", "email", this.email, "confirmDuplicate", true), this.prescriber)
			.json()
			.get("id")
			.asString();
		this.api.put("/api/v1/patients/" + this.patientId + "/care-team",
				Map.of("members", List.of(userId("therapist.cove"), userId("dr.quill"))), this.prescriber);
	}

	@Test
	void aRiskAnswerShowsCrisisResourcesAndOpensAnUrgentTaskForTheCareTeam() throws Exception {
		Response issued = this.api.post("/api/v1/patients/" + this.patientId + "/measure-links",
				Map.of("instruments", List.of("PHQ-9"), "send", true), this.prescriber);
		assertThat(issued.status()).isEqualTo(201);
		assertThat(issued.json().get("emailedTo").asString()).isEqualTo(this.email);

		String mailed = awaitMailTo(this.email).text();
		Matcher url = LINK.matcher(mailed);
		assertThat(url.find()).as("the e-mail carries the link: " + mailed).isTrue();
		assertThat(mailed).as("no clinical detail in the e-mail").doesNotContain("PHQ").contains("988");
		String link = URI.create(url.group()).getPath();

		PatientBrowser patient = new PatientBrowser(this.port);
		assertThat(patient.get(link).body()).contains("date of birth");
		assertThat(patient.post(link, link, Map.of("birthDate", "1988-08-08")).statusCode()).isEqualTo(302);
		String form = link + "/form";

		Map<String, String> answers = new HashMap<>();
		answers.put("PHQ-9.0", "2");
		answers.put("PHQ-9.8", "2");
		assertThat(patient.post(form, link + "/draft", answers).body()).isEqualTo("Saved");
		assertThat(patient.get(form).body()).as("the draft comes back")
			.containsPattern("name=\"PHQ-9.8\"[^>]*value=\"2\"[^>]*checked");

		HttpResponse<String> incomplete = patient.post(form, form, answers);
		assertThat(incomplete.statusCode()).isEqualTo(200);
		assertThat(incomplete.body()).contains("not answered").doesNotContain("crisis-resources");
		assertThat(measurements()).as("nothing stored while items are unanswered").isZero();

		for (int i = 1; i < 10; i++) {
			answers.putIfAbsent("PHQ-9." + i, "1");
		}
		HttpResponse<String> done = patient.post(form, form, answers);
		assertThat(done.statusCode()).isEqualTo(200);
		assertThat(done.body()).contains("id=\"crisis-resources\"", "988", "911");
		assertThat(patient.get(link).statusCode()).as("single use").isEqualTo(410);

		JsonNode stored = this.api
			.get("/api/v1/patients/" + this.patientId + "/measurements?instrument=PHQ-9", this.prescriber)
			.json();
		assertThat(stored).hasSize(1);
		assertThat(stored.get(0).get("total").asInt()).isEqualTo(2 + 7 + 2);
		assertThat(this.api.get("/api/v1/patients/" + this.patientId + "/flags", this.prescriber).json().toString())
			.contains("suicide-risk");

		JsonNode tasks = this.api.get("/api/v1/tasks", tokenFor("therapist.cove")).json();
		JsonNode task = find(tasks);
		assertThat(task.get("priority").asString()).isEqualTo("URGENT");
		assertThat(task.get("assignees").toString()).contains(userId("dr.quill").toString(),
				userId("therapist.cove").toString());
		assertThat(find(this.api.get("/api/v1/tasks", this.prescriber).json())).isNotNull();
		assertThat(this.api
			.post("/api/v1/tasks/" + task.get("id").asString() + "/complete", Map.of("note", "called"),
					tokenFor("therapist.cove"))
			.status()).as("only closing the flag completes it").isEqualTo(422);

		String flagId = this.api.get("/api/v1/patients/" + this.patientId + "/flags", this.prescriber)
			.json()
			.get(0)
			.get("id")
			.asString();
		assertThat(this.api
			.post("/api/v1/flags/" + flagId + "/close",
					Map.of("assessment", "Seen same day; passive ideation, no plan", "plan", "Safety plan reviewed"),
					tokenFor("therapist.cove"))
			.status()).isEqualTo(200);
		assertThat(find(this.api.get("/api/v1/tasks", tokenFor("therapist.cove")).json())).as("done with the flag")
			.isNull();
		assertThat(this.jdbc.sql("select count(*) from audit.entry where patient_id = ?::uuid and actor_name = ?")
			.params(this.patientId, "patient via link")
			.query(Long.class)
			.single()).as("the patient's reads and answers are audited").isGreaterThanOrEqualTo(3);
	}

	@Test
	void aLinkWithoutAnEmailAddressIsHandedOverAndScoreEntryInstrumentsAreRefused() {
		Response refused = this.api.post("/api/v1/patients/" + this.patientId + "/measure-links",
				Map.of("instruments", List.of("MADRS"), "send", false), this.prescriber);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("instruments");

		Response handed = this.api.post("/api/v1/patients/" + this.patientId + "/measure-links",
				Map.of("instruments", List.of("PHQ-9", "GAD-7"), "send", false), this.prescriber);
		assertThat(handed.status()).isEqualTo(201);
		assertThat(handed.json().get("url").asString()).contains("/self-report/");
		assertThat(handed.json().get("emailedTo").isNull()).isTrue();
	}

	@Test
	void anExpiredLinkIsClosed() throws Exception {
		String url = this.api
			.post("/api/v1/patients/" + this.patientId + "/measure-links",
					Map.of("instruments", List.of("GAD-7"), "send", false), this.prescriber)
			.json()
			.get("url")
			.asString();
		this.jdbc
			.sql("update patient.patient_link set expires_at = now() - interval '1 minute' where patient_id = ?::uuid")
			.param(this.patientId)
			.update();

		assertThat(new PatientBrowser(this.port).get(URI.create(url).getPath()).statusCode()).isEqualTo(410);
	}

	private JsonNode find(JsonNode tasks) {
		for (JsonNode task : tasks) {
			if (task.get("patientId").asString().equals(this.patientId)) {
				return task;
			}
		}
		return null;
	}

	private long measurements() {
		return this.jdbc.sql("select count(*) from measures.measurement where patient_id = ?::uuid")
			.param(this.patientId)
			.query(Long.class)
			.single();
	}

}
