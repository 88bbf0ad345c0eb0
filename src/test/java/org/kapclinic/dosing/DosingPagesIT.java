package org.kapclinic.dosing;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.BrowserSession;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The dosing pages by role, and a session worked through its forms. */
class DosingPagesIT extends IntegrationTest {

	@Test
	void theFloorBoardShowsTheDemoFloorToCliniciansOnly() {
		BrowserSession prescriber = BrowserSession.signIn(this.port, "dr.quill", PASSWORD);
		assertThat(prescriber.get("/dosing/board").statusCode()).isEqualTo(200);
		HttpResponse<String> rows = prescriber.get("/dosing/board/rows");
		assertThat(rows.statusCode()).isEqualTo(200);
		assertThat(rows.body()).contains("Floor chair", "board-card", "Systolic", "Assigned: ")
			.doesNotContain("SYSTOLIC_HIGH", "PRE_DOSE_CHECKS", "READY_FOR_DISCHARGE");
		// The page says "Overdue" for exactly the chairs the API calls overdue (other
		// tests
		// on the shared demo floor may have caught up a missed check).
		long overdue = 0;
		for (tools.jackson.databind.JsonNode row : this.api.get("/api/v1/dosing-sessions/board", tokenFor("dr.quill"))
			.json()) {
			overdue += row.get("vitalsOverdue").asBoolean() ? 1 : 0;
		}
		assertThat(rows.body().split("Overdue: ", -1)).as("overdue cards").hasSize((int) overdue + 1);
		BrowserSession desk = BrowserSession.signIn(this.port, "desk.dale", PASSWORD);
		assertThat(desk.get("/dosing/board/rows").statusCode()).isEqualTo(403);
		assertThat(desk.get("/dosing/board/events").statusCode()).isEqualTo(403);
	}

	@Test
	void aSessionWorkedThroughItsFormsWithNotesRenderedEscaped() {
		String admin = tokenFor("admin");
		String nurseToken = tokenFor("nurse.bell");
		Map<String, UUID> users = new HashMap<>();
		for (String name : List.of("dr.quill", "nurse.bell", "therapist.cove")) {
			users.put(name, userId(name));
		}
		DosingFixtures.Ready ready = new DosingFixtures(this.api, this.jdbc, admin, tokenFor("dr.quill"), users)
			.ready("IV_INFUSION", 72.4);
		BrowserSession nurse = BrowserSession.signIn(this.port, "nurse.bell", PASSWORD);
		String chart = "/patients/" + ready.patientId() + "/dosing";
		assertThat(nurse.get(chart).body()).contains("check-in", "IV_KETAMINE")
			.as("the appointment in words")
			.contains(" · Dosing session · IV ketamine infusion</option>")
			.doesNotContain(" · IV_INFUSION<");
		HttpResponse<String> checkedIn = nurse.post(chart, chart,
				Map.of("protocol", "IV_KETAMINE", "appointmentId", ready.appointmentId()));
		assertThat(checkedIn.statusCode()).isEqualTo(302);
		String page = checkedIn.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		String session = page.substring(page.lastIndexOf('/') + 1);
		nurse.post(page, page + "/checklist", Map.of("shown", "RIDE_HOME", "items", "RIDE_HOME"));
		assertThat(this.api.get("/api/v1/dosing-sessions/" + session, nurseToken)
			.json()
			.get("session")
			.get("checklist")
			.toString()).contains("\"RIDE_HOME\":true");
		nurse.post(page, page + "/checklist", Map.of("shown", "RIDE_HOME"));
		assertThat(this.api.get("/api/v1/dosing-sessions/" + session, nurseToken)
			.json()
			.get("session")
			.get("checklist")
			.toString()).as("an unticked box is an open item").contains("\"RIDE_HOME\":false");
		this.api.post("/api/v1/dosing-sessions/" + session + "/checklist", Map.of("items", Map.of("FASTING", true,
				"RIDE_HOME", true, "PRE_SESSION_MEASURES", true, "INTERACTING_MEDICATIONS", true)), nurseToken);
		nurse.post(page, page + "/vitals",
				Map.of("systolic", "126", "diastolic", "80", "heartRate", "72", "spo2", "98"));
		nurse.post(page, page + "/events",
				Map.of("kind", "NOTE", "text", "<script>alert('x')</script> intention: be gentle"));
		BrowserSession prescriber = BrowserSession.signIn(this.port, "dr.quill", PASSWORD);
		HttpResponse<String> ordered = prescriber.post(page, page + "/order",
				Map.of("dose", "0.5", "unit", "mg/kg", "overrideReason", ""));
		assertThat(ordered.statusCode()).isEqualTo(302);
		String body = nurse.get(page).body();
		assertThat(body)
			.contains("Dose ordered", "36.2 mg", "0.500 mg/kg", "awaiting second-person verification", "BP 126/80",
					"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; intention")
			.doesNotContain("<script>alert('x')</script>");
		HttpResponse<String> refused = nurse.post(page, page + "/order",
				Map.of("dose", "0.5", "unit", "mg/kg", "overrideReason", ""));
		assertThat(refused.statusCode()).as("a nurse may not order").isEqualTo(403);
		assertThat(BrowserSession.signIn(this.port, "desk.dale", PASSWORD).get(page).statusCode()).isEqualTo(403);
	}

}
