package org.kapclinic.measures;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schedules: interval occurrences fall due, are e-mailed once, turn overdue, are
 * completed by the next measurement; dose-anchored occurrences follow doses; the worklist
 * shows what the user may see.
 */
class MeasureScheduleIT extends IntegrationTest {

	@Autowired
	ScheduleRunner runner;

	@Autowired
	Measures measures;

	private String prescriber;

	private String patientId;

	private String email;

	@BeforeEach
	void patientOnNurseBellsTeam() {
		this.prescriber = tokenFor("dr.quill");
		this.email = "schedule-" + UUID.randomUUID() + "@example.test";
		this.patientId = this.api
			.post("/api/v1/patients",
					Map.of("givenName", "Sched", "familyName", "Ulewell", "birthDate", "1979-07-07", "email",
							this.email, "confirmDuplicate", true),
					this.prescriber)
			.json()
			.get("id")
			.asString();
		this.api.put("/api/v1/patients/" + this.patientId + "/care-team",
				Map.of("members", List.of(userId("nurse.bell"))), this.prescriber);
	}

	@Test
	void aWeeklyScheduleFallsDueIsSentOnceAndTheNextMeasurementCompletesIt() {
		Response created = this.api.post("/api/v1/patients/" + this.patientId + "/measure-schedules",
				Map.of("instruments", List.of("PHQ-9", "GAD-7"), "cadence", "INTERVAL", "everyDays", 7),
				this.prescriber);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("sendLink").asBoolean()).isTrue();

		JsonNode due = this.api.get("/api/v1/patients/" + this.patientId + "/measures/due", this.prescriber).json();
		assertThat(due).hasSize(2);
		assertThat(due.get(0).get("state").asString()).isEqualTo("DUE");

		this.runner.runOnce();
		this.runner.runOnce();
		assertThat(awaitMailTo(this.email).subject()).isEqualTo("Your check-in questionnaire");
		assertThat(this.jdbc.sql("select count(*) from measures.self_report where patient_id = ?::uuid")
			.param(this.patientId)
			.query(Long.class)
			.single()).as("one link for both instruments, sent once").isEqualTo(1);

		assertThat(worklist(tokenFor("nurse.bell"), null)).as("on the team").contains(this.patientId);
		assertThat(worklist(tokenFor("nurse.fern"), null)).as("not on the team").doesNotContain(this.patientId);
		assertThat(this.api.get("/api/v1/measures/due", tokenFor("desk.dale")).status()).isEqualTo(403);

		this.jdbc
			.sql("""
					update measures.due_measure set due_at = due_at - interval '5 days', overdue_at = now() - interval '1 hour'
					where patient_id = ?::uuid and instrument = 'GAD-7'""")
			.param(this.patientId)
			.update();
		assertThat(worklist(this.prescriber, "OVERDUE")).contains(this.patientId);

		assertThat(this.api
			.post("/api/v1/patients/" + this.patientId + "/measurements",
					Map.of("instrument", "PHQ-9", "answers", List.of(0, 0, 1, 0, 0, 0, 0, 0, 0, 0)), this.prescriber)
			.status()).isEqualTo(201);
		JsonNode open = this.api.get("/api/v1/patients/" + this.patientId + "/measures/due", this.prescriber).json();
		assertThat(open).hasSize(1);
		assertThat(open.get(0).get("instrument").asString()).isEqualTo("GAD-7");
		assertThat(open.get(0).get("state").asString()).isEqualTo("OVERDUE");
	}

	@Test
	void doseAnchoredOccurrencesFollowEachDoseOnceAndEndingTheScheduleCancelsThem() {
		String scheduleId = this.api
			.post("/api/v1/patients/" + this.patientId + "/measure-schedules",
					Map.of("instruments", List.of("PHQ-9", "GAD-7"), "cadence", "DOSE_ANCHORED"), this.prescriber)
			.json()
			.get("id")
			.asString();
		Instant dose = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minus(Duration.ofHours(1));

		assertThat(this.measures.scheduleAfterDose(UUID.fromString(this.patientId), dose)).isEqualTo(4);
		assertThat(this.measures.scheduleAfterDose(UUID.fromString(this.patientId), dose))
			.as("a repeated report creates nothing")
			.isZero();
		assertThat(this.measures.scheduleBeforeDose(UUID.fromString(this.patientId), dose.plus(Duration.ofDays(3))))
			.isEqualTo(2);
		List<DueMeasure> due = this.measures.due(UUID.fromString(this.patientId));
		assertThat(due).extracting(DueMeasure::anchor)
			.containsExactlyInAnyOrder("AFTER_DOSE_PT24H", "AFTER_DOSE_PT24H", "BEFORE_DOSE", "BEFORE_DOSE",
					"AFTER_DOSE_PT168H", "AFTER_DOSE_PT168H");
		assertThat(due).filteredOn((d) -> d.anchor().equals("AFTER_DOSE_PT24H"))
			.allSatisfy((d) -> assertThat(d.dueAt()).isEqualTo(dose.plus(Duration.ofHours(24))));

		assertThat(
				this.api.post("/api/v1/measure-schedules/" + scheduleId + "/end", Map.of("reason", ""), this.prescriber)
					.status())
			.isEqualTo(400);
		assertThat(this.api
			.post("/api/v1/measure-schedules/" + scheduleId + "/end", Map.of("reason", "Course completed"),
					this.prescriber)
			.status()).isEqualTo(200);
		assertThat(this.measures.due(UUID.fromString(this.patientId))).isEmpty();
	}

	@Test
	void invalidSchedulesAreRefusedFieldByField() {
		Response bad = this.api.post("/api/v1/patients/" + this.patientId + "/measure-schedules",
				Map.of("instruments", List.of("MADRS", "NOPE"), "cadence", "INTERVAL", "everyDays", 0),
				this.prescriber);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("MADRS", "NOPE", "everyDays");
		assertThat(this.jdbc.sql("select count(*) from measures.schedule where patient_id = ?::uuid")
			.param(this.patientId)
			.query(Long.class)
			.single()).isZero();
	}

	private String worklist(String token, String state) {
		Response response = this.api.get("/api/v1/measures/due?limit=1000" + ((state != null) ? "&state=" + state : ""),
				token);
		assertThat(response.status()).isEqualTo(200);
		return response.body();
	}

}
