package org.kapclinic.safety;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;
import org.kapclinic.dosing.DosingFixtures;
import org.kapclinic.dosing.DosingSteps;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The long-term safety report over the API (issue 19): eleven new maintenance patients,
 * each with a PDMP concern, add eleven to both lines; one take-home discrepancy is never
 * shown as a count from 1 to 10 (kap.reports.min-cell, 11: CMS's cell-size suppression
 * policy); only prescribers and administrators read it. Other tests share the database,
 * so the checks are on what this test adds.
 */
class SafetyReportIT extends IntegrationTest {

	@Test
	void elevenNewPatientsAddElevenAndNoShownCountIsBelowTheMinimumCell() {
		String prescriber = tokenFor("dr.quill");
		JsonNode before = report(prescriber);
		DosingFixtures fixtures = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId)
			.fixtures();
		String patient = null;
		for (int i = 0; i < 11; i++) {
			patient = fixtures.inCourse("KAP", 70, "MAINTENANCE_BOOSTER").patientId();
			assertThat(this.api
				.post("/api/v1/patients/" + patient + "/pdmp-checks",
						Map.of("checkedOn", LocalDate.now().minusDays(1).toString(), "state", "WA", "result",
								"CONCERN"),
						prescriber)
				.status()).isEqualTo(201);
		}
		Response supply = this.api.post("/api/v1/patients/" + patient + "/take-home-supplies",
				Map.of("product", "Ketamine 50 mg troche", "unit", "troches", "quantityPrescribed", 6, "prescribedOn",
						LocalDate.now().minusDays(8).toString()),
				prescriber);
		this.api.post(
				"/api/v1/patients/" + patient + "/take-home-supplies/" + supply.json().get("id").asString() + "/report",
				Map.of("quantityUsed", 6, "quantityReturned", 1, "reportedOn", LocalDate.now().minusDays(1).toString()),
				prescriber);
		JsonNode after = report(prescriber);

		assertAddedEleven(line(before, "maintenance", "ON_MAINTENANCE"), line(after, "maintenance", "ON_MAINTENANCE"));
		assertAddedEleven(line(before, "misuseSignals", "PDMP_CONCERN"), line(after, "misuseSignals", "PDMP_CONCERN"));
		for (String section : new String[] { "maintenance", "screens", "labFlags", "misuseSignals" }) {
			for (JsonNode line : after.get(section)) {
				JsonNode patients = line.get("patients");
				if (!patients.isObject()) {
					assertThat(patients.asInt()).as(line.get("code").asString() + ": 0 or at least 11")
						.satisfiesAnyOf((n) -> assertThat(n).isZero(), (n) -> assertThat(n).isGreaterThanOrEqualTo(11));
				}
			}
		}
		JsonNode discrepancy = line(after, "misuseSignals", "TAKE_HOME_DISCREPANCY");
		assertThat(discrepancy.isObject() || discrepancy.asInt() >= 11)
			.as("one more than prescribed: counted, " + "suppressed while small")
			.isTrue();
		assertThat(after.get("misuseSignals").get(0).get("label").asString()).isNotBlank();

		assertThat(this.api.get("/api/v1/reports/safety", tokenFor("nurse.bell")).status()).isEqualTo(403);
		Response bad = this.api.get("/api/v1/reports/safety?days=3", prescriber);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("days", "7 to 730");
	}

	private JsonNode report(String token) {
		Response response = this.api.get("/api/v1/reports/safety?days=30", token);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static JsonNode line(JsonNode report, String section, String code) {
		for (JsonNode line : report.get(section)) {
			if (line.get("code").asString().equals(code)) {
				return line.get("patients");
			}
		}
		throw new AssertionError("no line " + code + " in " + section);
	}

	/** Before: 0, a suppressed 1–10, or a shown count; after: eleven more. */
	private static void assertAddedEleven(JsonNode before, JsonNode after) {
		assertThat(after.isObject()).as("at least 11 is shown").isFalse();
		if (before.isObject()) {
			assertThat(after.asInt()).isBetween(12, 21);
		}
		else {
			assertThat(after.asInt()).isEqualTo(before.asInt() + 11);
		}
	}

}
