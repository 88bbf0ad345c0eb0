package org.kapclinic.patient;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Break-glass (issue 16 finding 2; HIPAA 164.312(a)(2)(ii) emergency access): a nurse
 * outside the care team gets the chart for the configured time with a reason, audited,
 * with an urgent review task for the administrators; it ends on time; the review closes
 * the task and shows in the report.
 */
class BreakGlassIT extends IntegrationTest {

	private static final String REASON = "Patient collapsed in the waiting room; on-call prescriber asked me to check allergies";

	@Test
	void aNurseOutsideTheCareTeamBreaksTheGlassForAnHourAndAnAdministratorReviewsIt() {
		String patient = patientOfNobody();
		String nurse = tokenFor("nurse.fern");
		assertThat(this.api.get("/api/v1/patients/" + patient, nurse).status()).isEqualTo(404);

		Response tooShort = this.api.post("/api/v1/patients/" + patient + "/break-glass", Map.of("reason", "emergency"),
				nurse);
		assertThat(tooShort.status()).isEqualTo(400);
		assertThat(tooShort.body()).contains("at least 20 characters");
		assertThat(this.api
			.post("/api/v1/patients/" + patient + "/break-glass", Map.of("reason", REASON), tokenFor("dr.quill"))
			.status()).as("a prescriber already sees every chart").isEqualTo(409);

		Response granted = this.api.post("/api/v1/patients/" + patient + "/break-glass", Map.of("reason", REASON),
				nurse);
		assertThat(granted.status()).isEqualTo(201);
		Instant expires = Instant.parse(granted.json().get("expiresAt").asString());
		assertThat(Duration.between(Instant.now(), expires)).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(60));
		Response chart = this.api.get("/api/v1/patients/" + patient, nurse);
		assertThat(chart.status()).isEqualTo(200);
		assertThat(chart.json().get("clinicalAccess").asBoolean(true)).isTrue();
		assertThat(auditCount(UUID.fromString(patient), "BREAK_GLASS")).isEqualTo(1);

		String admin = tokenFor("admin");
		JsonNode task = this.api.get("/api/v1/tasks", admin)
			.json()
			.valueStream()
			.filter((t) -> t.get("patientId").asString().equals(patient))
			.findFirst()
			.orElseThrow();
		assertThat(task.get("priority").asString()).isEqualTo("URGENT");
		assertThat(task.get("title").asString()).isEqualTo("Review emergency access by nurse.fern");

		String grant = granted.json().get("id").asString();
		assertThat(this.api.post("/api/v1/break-glass/" + grant + "/review", Map.of("outcome", "APPROPRIATE"), nurse)
			.status()).isEqualTo(403);
		Response reviewed = this.api.post("/api/v1/break-glass/" + grant + "/review",
				Map.of("outcome", "APPROPRIATE", "note", "Collapse confirmed by the on-call log"), admin);
		assertThat(reviewed.status()).isEqualTo(200);
		assertThat(this.api.post("/api/v1/break-glass/" + grant + "/review", Map.of("outcome", "APPROPRIATE"), admin)
			.status()).as("reviewed once").isEqualTo(409);
		assertThat(this.api.get("/api/v1/tasks", admin).body()).doesNotContain(grant);
		JsonNode listed = this.api.get("/api/v1/break-glass", admin)
			.json()
			.valueStream()
			.filter((g) -> g.get("id").asString().equals(grant))
			.findFirst()
			.orElseThrow();
		assertThat(listed.get("outcome").asString()).isEqualTo("APPROPRIATE");
		assertThat(this.api.get("/api/v1/break-glass", nurse).status()).isEqualTo(403);
	}

	@Test
	void theAccessEndsWhenTheGrantExpires() {
		String patient = patientOfNobody();
		String nurse = tokenFor("nurse.fern");
		String grant = this.api.post("/api/v1/patients/" + patient + "/break-glass", Map.of("reason", REASON), nurse)
			.json()
			.get("id")
			.asString();
		assertThat(this.api.get("/api/v1/patients/" + patient, nurse).status()).isEqualTo(200);

		this.jdbc.sql("""
				update patient.break_glass set granted_at = now() - interval '61 minutes',
				                               expires_at = now() - interval '1 minute' where id = ?::uuid""")
			.param(grant)
			.update();

		assertThat(this.api.get("/api/v1/patients/" + patient, nurse).status()).isEqualTo(404);
	}

	private String patientOfNobody() {
		return this.api
			.post("/api/v1/patients",
					Map.of("givenName", "Glass", "familyName", "Breakwater" + letters(), "birthDate", "1971-03-03"),
					tokenFor("dr.quill"))
			.json()
			.get("id")
			.asString();
	}

}
