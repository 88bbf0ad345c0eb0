package org.kapclinic.safety;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;
import org.kapclinic.dosing.DosingSteps;
import org.kapclinic.shared.ClinicTime;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Misuse and diversion signals over the API (issue 19): each source raises its signal
 * (requests against the plan, a PDMP concern, a positive urine drug screen, a take-home
 * supply that does not add up, an integration session missed while dosing went on), at
 * the window's edge (kap.safety.misuse-signal-window, 365 days), for clinical staff only.
 */
class MisuseSignalsIT extends IntegrationTest {

	@Autowired
	ClinicTime clinicTime;

	@Test
	@DisplayName("Every source raises its signal; the window keeps its first day and drops the day before")
	void eachSourceRaisesItsSignalWithinTheWindow() {
		String patient = maintenancePatient();
		String base = "/api/v1/patients/" + patient;
		String nurse = tokenFor("nurse.bell");
		String prescriber = tokenFor("dr.quill");
		LocalDate today = LocalDate.now(this.clinicTime.timeZone());
		LocalDate since = this.clinicTime.date(Instant.now().minus(365, ChronoUnit.DAYS));

		assertThat(
				this.api.post(base + "/patient-requests", request("DOSE_ESCALATION", since, "asked for 1 mg/kg"), nurse)
					.status())
			.isEqualTo(201);
		assertThat(
				this.api.post(base + "/patient-requests", request("DOSE_ESCALATION", since.minusDays(1), "old"), nurse)
					.status())
			.isEqualTo(201);
		assertThat(this.api.post(base + "/patient-requests", request("EARLY_SESSION", today, null), nurse).status())
			.isEqualTo(201);
		assertThat(this.api
			.post(base + "/pdmp-checks",
					Map.of("checkedOn", today.toString(), "state", "or", "result", "CONCERN", "note",
							"two prescribers"),
					prescriber)
			.status()).isEqualTo(201);
		assertThat(this.api
			.post(base + "/pdmp-checks",
					Map.of("checkedOn", today.minusDays(30).toString(), "state", "OR", "result", "NO_CONCERN"), nurse)
			.status()).isEqualTo(201);
		Response screen = this.api.post(base + "/lab-results", Map.of("code", "19295-5", "result", "POSITIVE",
				"collectedAt", Instant.now().minusSeconds(3600).toString()), nurse);
		assertThat(screen.status()).as(screen.body()).isEqualTo(201);
		assertThat(screen.json().get("flags").toString()).isEqualTo("[\"POSITIVE\"]");

		Response supply = this.api.post(base + "/take-home-supplies", Map.of("product", "Ketamine 100 mg troche",
				"unit", "troches", "quantityPrescribed", 8, "prescribedOn", today.minusDays(14).toString()),
				prescriber);
		assertThat(supply.status()).as(supply.body()).isEqualTo(201);
		String report = base + "/take-home-supplies/" + supply.json().get("id").asString() + "/report";
		assertThat(this.api
			.post(report, Map.of("quantityUsed", 5, "quantityReturned", 1, "reportedOn", today.toString()), nurse)
			.status()).isEqualTo(204);
		assertThat(this.api
			.post(report, Map.of("quantityUsed", 8, "quantityReturned", 0, "reportedOn", today.toString()), nurse)
			.status()).as("a supply's report is written once").isEqualTo(409);
		Response balanced = this.api.post(base + "/take-home-supplies", Map.of("product", "Ketamine 100 mg troche",
				"unit", "troches", "quantityPrescribed", 4, "prescribedOn", today.minusDays(40).toString()),
				prescriber);
		this.api.post(base + "/take-home-supplies/" + balanced.json().get("id").asString() + "/report",
				Map.of("quantityUsed", 3, "quantityReturned", 1, "reportedOn", today.minusDays(20).toString()), nurse);

		UUID patientId = UUID.fromString(patient);
		appointment(patientId, "INTEGRATION", "NO_SHOW", 20);
		appointment(patientId, "DOSING", "COMPLETED", 10);
		appointment(patientId, "INTEGRATION", "NO_SHOW", 5);

		JsonNode summary = this.api.get(base + "/misuse-signals", prescriber).json();
		JsonNode counts = summary.get("counts");
		assertThat(counts.get("DOSE_ESCALATION_REQUEST").asInt()).as("the first day counts, the day before not")
			.isEqualTo(1);
		assertThat(counts.get("EARLY_SESSION_REQUEST").asInt()).isEqualTo(1);
		assertThat(counts.get("PDMP_CONCERN").asInt()).as("a check with no concern is no signal").isEqualTo(1);
		assertThat(counts.get("POSITIVE_URINE_SCREEN").asInt()).isEqualTo(1);
		assertThat(counts.get("TAKE_HOME_DISCREPANCY").asInt()).as("8 − 5 used − 1 returned; 4 − 3 − 1 adds up")
			.isEqualTo(1);
		assertThat(counts.get("MISSED_INTEGRATION").asInt())
			.as("the no-show a dose followed counts; the last one, with no dose after, does not")
			.isEqualTo(1);
		assertThat(summary.toString()).contains("2 troches not accounted for", "Urine drug screen: opiates",
				"OR PDMP: two prescribers");
		assertThat(summary.get("lastPdmpCheck").get("state").asString()).isEqualTo("OR");
		assertThat(summary.get("lastPdmpCheck").get("recordedByName").asString()).isNotBlank();
		assertThat(summary.get("signals").get(0).get("on").asString()).as("newest first").isEqualTo(today.toString());

		Response voided = this.api.post(base + "/lab-results/" + screen.json().get("id").asString() + "/void",
				Map.of("reason", "another patient's sample"), nurse);
		assertThat(voided.status()).as(voided.body()).isEqualTo(200);
		assertThat(this.api.get(base + "/misuse-signals", prescriber)
			.json()
			.get("counts")
			.get("POSITIVE_URINE_SCREEN")
			.asInt()).as("a voided screen is no signal").isZero();
		assertThat(this.jdbc.sql("select void_reason from safety.lab_result where patient_id = ?::uuid")
			.param(patient)
			.query(String.class)
			.single()).as("kept, with the reason").isEqualTo("another patient's sample");
	}

	@Test
	void badInputIsRefusedFieldByFieldAndOnlyClinicalStaffSeeSignals() {
		String patient = maintenancePatient();
		String base = "/api/v1/patients/" + patient;
		Map<String, Object> bad = new HashMap<>();
		bad.put("checkedOn", LocalDate.now().plusDays(3).toString());
		bad.put("state", "Oregon");
		bad.put("result", "FINE");
		Response refused = this.api.post(base + "/pdmp-checks", bad, tokenFor("nurse.bell"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("checkedOn", "state", "result", "NO_CONCERN");
		Response qualitativeWithNumber = this.api.post(base + "/lab-results",
				Map.of("code", "5794-3", "value", 1, "collectedAt", Instant.now().toString()), tokenFor("nurse.bell"));
		assertThat(qualitativeWithNumber.status()).isEqualTo(400);
		assertThat(qualitativeWithNumber.body()).contains("POSITIVE or NEGATIVE");
		assertThat(this.api.post(base + "/take-home-supplies",
				Map.of("product", "troche", "unit", "troches", "quantityPrescribed", 2, "prescribedOn",
						LocalDate.now().toString()),
				tokenFor("nurse.bell"))
			.status()).as("a prescriber records a supply").isEqualTo(403);
		assertThat(this.jdbc.sql("select count(*) from safety.pdmp_check where patient_id = ?::uuid")
			.param(patient)
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.api.get(base + "/misuse-signals", tokenFor("desk.dale")).status()).isEqualTo(403);
	}

	@Test
	@DisplayName("Blood in the urine opens an urgent prescriber task (ketamine injection label: cystitis)")
	void bloodInTheUrineOpensAnUrgentTask() {
		String patient = maintenancePatient();
		Response negative = this.api.post("/api/v1/patients/" + patient + "/lab-results",
				Map.of("code", "5794-3", "result", "NEGATIVE", "collectedAt", Instant.now().toString()),
				tokenFor("nurse.bell"));
		assertThat(negative.json().get("flags").toString()).isEqualTo("[]");
		Response positive = this.api.post("/api/v1/patients/" + patient + "/lab-results",
				Map.of("code", "5794-3", "result", "POSITIVE", "collectedAt", Instant.now().toString()),
				tokenFor("nurse.bell"));
		assertThat(positive.json().get("flags").toString()).isEqualTo("[\"POSITIVE\",\"HAEMATURIA_REVIEW\"]");
		assertThat(this.jdbc.sql("""
				select priority from tasks.care_task where patient_id = ?::uuid and kind = 'LAB_REVIEW'""")
			.param(patient)
			.query(String.class)
			.list()).containsExactly("URGENT");
	}

	private String maintenancePatient() {
		return DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId)
			.fixtures()
			.inCourse("KAP", 70, "MAINTENANCE_BOOSTER")
			.patientId();
	}

	private static Map<String, Object> request(String kind, LocalDate on, String note) {
		Map<String, Object> body = new HashMap<>();
		body.put("kind", kind);
		body.put("requestedOn", on.toString());
		body.put("note", note);
		return body;
	}

	/** A past appointment as history imports write it. */
	private void appointment(UUID patient, String type, String status, int daysAgo) {
		Instant start = Instant.now().minus(daysAgo, ChronoUnit.DAYS);
		this.jdbc.sql("""
				insert into scheduling.appointment (id, patient_id, type, program, start_at, end_at, status, created_at)
				values (?, ?, ?, 'KAP', ?, ?, ?, now())""")
			.params(UUID.randomUUID(), patient, type, java.sql.Timestamp.from(start),
					java.sql.Timestamp.from(start.plusSeconds(3600)), status)
			.update();
	}

}
