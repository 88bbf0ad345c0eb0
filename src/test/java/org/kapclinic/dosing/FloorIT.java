package org.kapclinic.dosing;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.BrowserSession;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The treatment floor is the clinic's, not the care team's (issue 14): every nurse sees
 * every active session, most urgent first with who is assigned, and may record on a
 * session whose patient is not on her care team; the rest of that chart keeps the
 * care-team rule. Front desk has no board.
 */
class FloorIT extends IntegrationTest {

	@Test
	@DisplayName("Every nurse sees every active session, most urgent first (open alert, overdue vitals, held, next check)")
	void everyNurseSeesTheWholeFloor() {
		JsonNode all = this.api.get("/api/v1/dosing-sessions/board", tokenFor("dr.quill")).json();
		JsonNode fern = this.api.get("/api/v1/dosing-sessions/board", tokenFor("nurse.fern")).json();
		JsonNode bell = this.api.get("/api/v1/dosing-sessions/board", tokenFor("nurse.bell")).json();
		assertThat(all.size()).as("the demo floor").isGreaterThanOrEqualTo(8);
		assertThat(ids(fern)).containsExactlyInAnyOrderElementsOf(ids(all));
		assertThat(ids(bell)).containsExactlyInAnyOrderElementsOf(ids(all));
		List<Integer> rank = new ArrayList<>();
		for (JsonNode row : fern) {
			rank.add(!row.get("openAlerts").isEmpty() ? 0
					: row.get("vitalsOverdue").asBoolean() ? 1 : row.get("held").asBoolean() ? 2 : 3);
		}
		assertThat(rank).as("urgency order").isSorted();
		assertThat(fern).as("each card says who is responsible for the chair")
			.allSatisfy((row) -> assertThat(row.get("assigned").isArray()).isTrue())
			.anySatisfy((row) -> assertThat(row.get("assigned")).isNotEmpty());
		assertThat(this.jdbc
			.sql("select array_to_string(patient_ids, ' ') from audit.entry where resource_type = 'DosingBoard'"
					+ " and actor_name = 'nurse.fern' order by id desc limit 1")
			.query(String.class)
			.single()).as("a floor read names the patients it showed, in one row")
			.contains(fern.get(0).get("patientId").asString());
	}

	@Test
	@DisplayName("The chair, not the chart: a nurse records vitals on any session on the floor; the patient's chart stays care-team only")
	void theChairNotTheChart() {
		String fern = tokenFor("nurse.fern");
		JsonNode board = this.api.get("/api/v1/dosing-sessions/board", fern).json();
		JsonNode row = null;
		for (JsonNode candidate : board) {
			String patient = candidate.get("patientId").asString();
			if (this.api.get("/api/v1/patients/" + patient + "/measurements", fern).status() != 200) {
				row = candidate;
				break;
			}
		}
		assertThat(row).as("a session of a patient outside nurse.fern's care teams").isNotNull();
		String session = row.get("sessionId").asString();
		assertThat(this.api.get("/api/v1/dosing-sessions/" + session, fern).status()).isEqualTo(200);
		Response reading = this.api.post("/api/v1/dosing-sessions/" + session + "/vitals",
				java.util.Map.of("systolic", 124, "diastolic", 80, "heartRate", 72, "spo2", 98), fern);
		assertThat(reading.status()).as(reading.body()).isEqualTo(201);
		String patient = row.get("patientId").asString();
		assertThat(this.api.get("/api/v1/patients/" + patient + "/notes", fern).status()).isIn(403, 404);
		assertThat(this.api.get("/api/v1/dosing-sessions/board", tokenFor("desk.dale")).status()).isEqualTo(403);
	}

	@Test
	@DisplayName("Front desk is offered no Floor, Measures due or API link")
	void frontDeskHasNoBoardLink() {
		String page = BrowserSession.signIn(this.port, "desk.dale", PASSWORD).get("/patients").body();
		assertThat(page).doesNotContain("/dosing/board", "/measures/worklist", "/swagger-ui.html");
		String nurse = BrowserSession.signIn(this.port, "nurse.fern", PASSWORD).get("/patients").body();
		assertThat(nurse).contains("/dosing/board", "/measures/worklist").doesNotContain("/swagger-ui.html");
	}

	private static List<String> ids(JsonNode rows) {
		List<String> ids = new ArrayList<>();
		rows.forEach((r) -> ids.add(r.get("sessionId").asString()));
		return ids;
	}

}
