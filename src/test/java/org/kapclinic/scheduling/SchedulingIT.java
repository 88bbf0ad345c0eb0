package org.kapclinic.scheduling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.EligiblePatients;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Booking against the real database: simultaneous attempts, the dosing gate, spacing,
 * staff capacity, the slot finder, recurring series.
 */
class SchedulingIT extends IntegrationTest {

	private String admin;

	private String prescriber;

	@BeforeEach
	void tokens() {
		this.admin = tokenFor("admin");
		this.prescriber = tokenFor("dr.quill");
	}

	@Test
	void fiftySimultaneousBookingsOfOneChairGiveExactlyOne201AndTheRest409() throws Exception {
		String chair = room("CHAIR", List.of("pulse oximeter"));
		List<String> patients = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			patients.add(patient("Racer" + i));
		}
		ExecutorService pool = Executors.newFixedThreadPool(50);
		List<Future<Response>> results = new ArrayList<>();
		for (String patient : patients) {
			Callable<Response> attempt = () -> this.api.post("/api/v1/appointments",
					booking(patient, "PREPARATION", "2030-03-04T10:00:00Z", 60, chair, List.of()), this.admin);
			results.add(pool.submit(attempt));
		}
		List<Integer> statuses = new ArrayList<>();
		String conflictBody = null;
		for (Future<Response> result : results) {
			Response response = result.get();
			statuses.add(response.status());
			if (response.status() == 409) {
				conflictBody = response.body();
			}
		}
		pool.shutdown();
		assertThat(statuses).as("every loser hears 409, none 500 or 503").containsOnly(201, 409);
		assertThat(statuses).filteredOn((s) -> s == 201).hasSize(1);
		assertThat(statuses).filteredOn((s) -> s == 409).hasSize(49);
		assertThat(conflictBody).contains("\"resourceType\":\"Room\"", chair);
		assertThat(this.jdbc.sql("select count(*) from scheduling.appointment where room_id = ?::uuid")
			.param(chair)
			.query(Long.class)
			.single()).as("nothing half-saved").isEqualTo(1);
	}

	@Test
	void aBookingWithManyProblemsHearsOfThemAllAtOnce() {
		String patient = patient("Allatonce");
		Map<String, Object> booking = new java.util.HashMap<>();
		booking.put("patientId", patient);
		booking.put("type", "INTEGRATION");
		booking.put("durationMinutes", 5);
		booking.put("roomId", java.util.UUID.randomUUID().toString());
		booking.put("repeat", Map.of("everyWeeks", 0, "count", 40));
		Response refused = this.api.post("/api/v1/appointments", booking, this.prescriber);
		assertThat(refused.status()).isEqualTo(400);
		// The record's declared form (Bean Validation) and the lookups, in one answer.
		assertThat(refused.body()).contains("\"start\"", "required (ISO-8601 instant)", "\"durationMinutes\"", "10–600",
				"\"repeat.everyWeeks\"", "1–52", "\"repeat.count\"", "2–26", "\"roomId\"",
				"no such active room or chair");
		assertThat(this.jdbc.sql("select count(*) from scheduling.appointment where patient_id = ?::uuid")
			.param(patient)
			.query(Integer.class)
			.single()).as("nothing half-saved").isZero();
	}

	@Test
	void theDosingGateNamesEachMissingPrerequisite() {
		String patient = patient("Gatekept");
		String plainChair = room("CHAIR", List.of());
		Response refused = this.api.post("/api/v1/appointments", booking(patient, "DOSING", "2030-03-05T09:00:00Z", 60,
				plainChair, List.of(userId("therapist.cove").toString()), "ESKETAMINE"), this.prescriber);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("NOT_READY: INTAKE", "NOT_READY: SCREENING_DECISION", "NOT_READY: CONSENT",
				"REMS_ENROLLMENT", "NURSE_REQUIRED", "PRESCRIBER_ON_SITE", "ROOM_CAPABILITY", "TOO_SHORT");

		makeReady(patient, "ESKETAMINE");
		assertThat(this.api
			.post("/api/v1/patients/" + patient + "/rems-enrollment",
					Map.of("enrollmentId", "REMS-DEMO-0001", "enrolledOn", "2026-11-01"), this.prescriber)
			.status()).isEqualTo(200);
		String chair = room("CHAIR", List.of("pulse oximeter"));
		Response telehealth = this.api.post("/api/v1/appointments", withLink(booking(patient, "DOSING",
				"2030-03-05T09:00:00Z", 135, chair, staff("nurse.bell", "dr.quill"), "ESKETAMINE")), this.prescriber);
		assertThat(telehealth.status()).isEqualTo(400);
		assertThat(telehealth.body()).contains("telehealthLink");
		Response booked = this.api.post("/api/v1/appointments", booking(patient, "DOSING", "2030-03-05T09:00:00Z", 135,
				chair, staff("nurse.bell", "dr.quill"), "ESKETAMINE"), this.prescriber);
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		assertThat(booked.json().get("end").asString()).isEqualTo("2030-03-05T11:15:00Z");
	}

	@Test
	void spacingRulesRefuseDosesTooCloseOrTooManyInAWeek() {
		String patient = patient("Spacewell");
		makeReady(patient, "IV_INFUSION");
		String chair = room("CHAIR", List.of("IV pump", "pulse oximeter"));
		List<String> nurse = staff("nurse.fern");
		assertThat(dose(patient, chair, nurse, "2030-04-01T09:00:00Z").status()).isEqualTo(201);
		Response tooClose = dose(patient, chair, nurse, "2030-04-01T15:00:00Z");
		assertThat(tooClose.status()).isEqualTo(422);
		assertThat(tooClose.body()).contains("SPACING: at least 24 h");
		assertThat(dose(patient, chair, nurse, "2030-04-03T09:00:00Z").status()).isEqualTo(201);
		assertThat(dose(patient, chair, nurse, "2030-04-05T09:00:00Z").status()).isEqualTo(201);
		Response fourth = dose(patient, chair, nurse, "2030-04-07T09:00:00Z");
		assertThat(fourth.status()).isEqualTo(422);
		assertThat(fourth.body()).contains("at most 3 dosing sessions in any 7 days");
		assertThat(dose(patient, chair, nurse, "2030-04-08T09:30:00Z").status()).as("a new week").isEqualTo(201);
	}

	@Test
	void aNurseRunsAsManyChairsAsHerCapacityAndAPatientIsInOnePlace() {
		UUID nurse = newStaff("NURSE");
		assertThat(
				this.api.put("/api/v1/staff/" + nurse + "/hours", Map.of("capacity", 2, "hours", List.of()), this.admin)
					.status())
			.isEqualTo(200);
		String at = "2030-05-06T10:00:00Z";
		List<String> staff = List.of(nurse.toString());
		assertThat(book(patient("Capa"), "INTEGRATION", at, room("ROOM", List.of()), staff).status()).isEqualTo(201);
		assertThat(book(patient("Capb"), "INTEGRATION", at, room("ROOM", List.of()), staff).status()).isEqualTo(201);
		Response third = book(patient("Capc"), "INTEGRATION", at, room("ROOM", List.of()), staff);
		assertThat(third.status()).isEqualTo(409);
		assertThat(third.body()).contains("\"resourceType\":\"Staff\"", nurse.toString());

		String twice = patient("Twoplaces");
		assertThat(book(twice, "FOLLOW_UP", at, room("ROOM", List.of()), List.of()).status()).isEqualTo(201);
		Response elsewhere = book(twice, "FOLLOW_UP", "2030-05-06T10:30:00Z", room("ROOM", List.of()), List.of());
		assertThat(elsewhere.status()).isEqualTo(409);
		assertThat(elsewhere.body()).contains("\"resourceType\":\"Patient\"");
	}

	@Test
	void theSlotFinderWorksAroundBookingsHoursAndTimeOff() {
		// The only room of this build's fresh database with suction: the finder sees no
		// other.
		String capability = "suction";
		String chair = room("ROOM", List.of(capability));
		UUID nurse = newStaff("NURSE");
		// 2030-06-03 is a Monday: she works 08:00–12:00, is off 10:00–11:00, the room is
		// booked 08:00–09:00.
		this.api.put("/api/v1/staff/" + nurse + "/hours",
				Map.of("capacity", 1, "hours", List.of(Map.of("weekday", 1, "start", "08:00", "end", "12:00"))),
				this.admin);
		assertThat(this.api.post("/api/v1/staff/" + nurse + "/time-off",
				Map.of("from", "2030-06-03T10:00:00Z", "to", "2030-06-03T11:00:00Z", "reason", "training"), this.admin)
			.status()).isEqualTo(201);
		assertThat(book(patient("Slotted"), "PREPARATION", "2030-06-03T08:00:00Z", chair, List.of()).status())
			.isEqualTo(201);

		JsonNode slots = this.api
			.get("/api/v1/availability?type=PREPARATION&from=2030-06-03T00:00:00Z"
					+ "&to=2030-06-04T00:00:00Z&durationMinutes=60&needs=" + capability + "&staffIds=" + nurse
					+ "&limit=20", this.prescriber)
			.json();
		List<String> starts = new ArrayList<>();
		slots.forEach((slot) -> starts.add(slot.get("start").asString()));
		assertThat(starts).containsExactly("2030-06-03T09:00:00Z", "2030-06-03T11:00:00Z");
		assertThat(slots.get(0).get("roomId").asString()).isEqualTo(chair);

		Response offHours = book(patient("Offhours"), "PREPARATION", "2030-06-03T13:00:00Z", room("ROOM", List.of()),
				List.of(nurse.toString()));
		assertThat(offHours.status()).isEqualTo(422);
		assertThat(offHours.body()).contains("STAFF_HOURS");
		Response timeOff = book(patient("Offtime"), "PREPARATION", "2030-06-03T10:15:00Z", room("ROOM", List.of()),
				List.of(nurse.toString()));
		assertThat(timeOff.body()).contains("STAFF_TIME_OFF");
	}

	@Test
	void aRecurringSeriesIsBookedAtOnceAndOneOccurrenceMovesAlone() {
		String patient = patient("Serialwick");
		String roomId = room("ROOM", List.of());
		Map<String, Object> request = booking(patient, "FOLLOW_UP", "2030-07-01T14:00:00Z", 30, roomId, List.of());
		request.put("repeat", Map.of("everyWeeks", 8, "count", 3));
		Response series = this.api.post("/api/v1/appointments", request, this.prescriber);
		assertThat(series.status()).as(series.body()).isEqualTo(201);
		JsonNode appointments = series.json().get("appointments");
		assertThat(appointments).hasSize(3);
		assertThat(appointments.get(2).get("start").asString()).isEqualTo("2030-10-21T14:00:00Z");

		String second = appointments.get(1).get("id").asString();
		Response moved = this.api.post("/api/v1/appointments/" + second + "/reschedule",
				Map.of("start", "2030-08-28T15:00:00Z", "reason", "patient travelling"), this.prescriber);
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(moved.json().get("rescheduledFrom").asString()).isEqualTo(second);
		assertThat(moved.json().get("seriesId").asString()).isEqualTo(series.json().get("seriesId").asString());
		assertThat(this.api.get("/api/v1/appointments/" + second, this.prescriber).json().get("status").asString())
			.isEqualTo("RESCHEDULED");
		assertThat(this.api.get("/api/v1/appointments/" + appointments.get(2).get("id").asString(), this.prescriber)
			.json()
			.get("start")
			.asString()).as("the others are untouched").isEqualTo("2030-10-21T14:00:00Z");

		String third = appointments.get(2).get("id").asString();
		assertThat(this.api.post("/api/v1/appointments/" + third + "/cancel", Map.of("reason", ""), this.prescriber)
			.status()).isEqualTo(400);
		assertThat(this.api
			.post("/api/v1/appointments/" + third + "/cancel", Map.of("reason", "course ended"), this.prescriber)
			.status()).isEqualTo(200);
		assertThat(book(patient("Afterwards"), "FOLLOW_UP", "2030-10-21T14:00:00Z", roomId, List.of()).status())
			.as("a cancelled slot is free again")
			.isEqualTo(201);
		assertThat(this.api.get("/api/v1/patients/" + patient + "/appointments", this.prescriber).json())
			.as("history kept")
			.hasSize(4);
	}

	@Test
	void anIntegrationCircleHoldsItsRoomOnceAndTakesAsManyMembersAsItHasPlaces() {
		String roomId = room("ROOM", List.of());
		Map<String, Object> open = booking(patient("Circlea"), "GROUP_INTEGRATION", "2030-11-05T17:00:00Z", 90, roomId,
				staff("therapist.cove"));
		open.put("capacity", 3);
		Response first = this.api.post("/api/v1/appointments", open, this.prescriber);
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		String group = first.json().get("groupId").asString();

		for (String member : List.of("Circleb", "Circlec")) {
			Map<String, Object> join = booking(patient(member), "GROUP_INTEGRATION", "2030-11-05T08:00:00Z", 10, null,
					List.of());
			join.put("groupId", group);
			Response joined = this.api.post("/api/v1/appointments", join, this.prescriber);
			assertThat(joined.status()).as(joined.body()).isEqualTo(201);
			assertThat(joined.json().get("start").asString()).as("the circle's time").isEqualTo("2030-11-05T17:00:00Z");
			assertThat(joined.json().get("roomId").asString()).isEqualTo(roomId);
		}
		Map<String, Object> late = booking(patient("Circled"), "GROUP_INTEGRATION", "2030-11-05T17:00:00Z", 90, null,
				List.of());
		late.put("groupId", group);
		Response full = this.api.post("/api/v1/appointments", late, this.prescriber);
		assertThat(full.status()).isEqualTo(409);
		assertThat(full.body()).contains("\"resourceType\":\"Group\"");
		assertThat(book(patient("Elsewhere"), "FOLLOW_UP", "2030-11-05T17:30:00Z", roomId, List.of()).status())
			.as("the room is the circle's")
			.isEqualTo(409);
		Map<String, Object> wrongType = booking(patient("Circlee"), "PREPARATION", "2030-11-05T17:00:00Z", 60, null,
				List.of());
		wrongType.put("groupId", group);
		Response refused = this.api.post("/api/v1/appointments", wrongType, this.prescriber);
		assertThat(refused.status()).as("only a circle appointment joins a circle, never a roomless preparation")
			.isEqualTo(400);
		assertThat(refused.body()).contains("groupId");
	}

	@Test
	void aCourseFollowsItsTemplateAndKeepsEveryChangeWithItsReason() {
		String patient = patient("Coursewell");
		Response noTherapist = this.api.post("/api/v1/patients/" + patient + "/courses",
				Map.of("templateCode", "KAP_IN_SESSION"), this.prescriber);
		assertThat(noTherapist.status()).isEqualTo(400);
		assertThat(noTherapist.body()).contains("therapistId");

		Response started = this.api.post("/api/v1/patients/" + patient + "/courses", Map.of("templateCode",
				"KAP_IN_SESSION", "therapistId", userId("therapist.wren").toString(), "goals", "Fewer depressive days"),
				this.prescriber);
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		String course = started.json().get("id").asString();
		assertThat(started.json().get("status").asString()).isEqualTo("PLANNED");
		assertThat(started.json().get("plan").toString()).contains("\"type\":\"DOSING\",\"count\":6");

		Response early = this.api.post("/api/v1/courses/" + course + "/status", Map.of("status", "COMPLETED"),
				this.prescriber);
		assertThat(early.status()).as("planned cannot complete").isEqualTo(422);
		assertThat(early.body()).as("the refusal in words")
			.contains("A planned course cannot become completed.", "TRANSITION_NOT_ALLOWED");
		Response active = this.api.post("/api/v1/courses/" + course + "/status", Map.of("status", "ACTIVE"),
				this.prescriber);
		assertThat(active.status()).isEqualTo(200);
		assertThat(active.json().get("version").asInt()).as("moved on by the row's trigger (V70)")
			.isEqualTo(started.json().get("version").asInt() + 1);
		Response booster = this.api.post("/api/v1/courses/" + course + "/plan",
				Map.of("type", "DOSING", "add", 1, "reason", "partial response: one booster"), this.prescriber);
		assertThat(booster.json().get("plan").toString()).contains("\"type\":\"DOSING\",\"count\":7");
		assertThat(this.api.post("/api/v1/courses/" + course + "/plan",
				Map.of("type", "DOSING", "add", -8, "reason", "fewer", "version",
						booster.json().get("version").asInt()),
				this.prescriber)
			.body()).as("in words").contains("only 7 dosing sessions are planned");
		assertThat(this.api.post("/api/v1/courses/" + course + "/status", Map.of("status", "PAUSED"), this.prescriber)
			.status()).as("pausing needs a reason").isEqualTo(400);
		assertThat(this.api.post("/api/v1/courses/" + course + "/status", Map.of("status", "PAUSED"), this.prescriber)
			.body()).contains("say why the course is paused");

		Response prep = this.api.post("/api/v1/appointments", courseBooking(patient, course), this.prescriber);
		assertThat(prep.status()).as(prep.body()).isEqualTo(201);
		JsonNode progress = this.api.get("/api/v1/courses/" + course + "/progress", this.prescriber).json();
		assertThat(progress.toString())
			.contains("{\"type\":\"PREPARATION\",\"planned\":2,\"booked\":1,\"completed\":0}");
		assertThat(this.api.get("/api/v1/courses/" + course + "/history", this.prescriber).body())
			.contains("partial response: one booster", "PLANNED -> ACTIVE");
		makeReady(patient, "KAP");
		Map<String, Object> dose = booking(patient, "DOSING", "2030-10-09T10:00:00Z", 150,
				room("CHAIR", List.of("pulse oximeter")), staff("nurse.bell", "therapist.wren"));
		dose.put("courseId", course);
		Response dosed = this.api.post("/api/v1/appointments", dose, this.prescriber);
		assertThat(dosed.status()).as(dosed.body()).isEqualTo(201);
		assertThat(this.api.get("/api/v1/courses/" + course + "/checks", this.prescriber).body())
			.contains("MISSING_INTEGRATION");
		assertThat(org.kapclinic.BrowserSession.signIn(this.port, "dr.quill", PASSWORD)
			.get("/patients/" + patient + "/schedule")
			.body()).as("the schedule tab says it in words, on the clinic's clock")
			.contains("An integration session is missing: the dose on 2030-10-09 ")
			.doesNotContain("MISSING_INTEGRATION", "T10:00:00Z");
		Map<String, Object> integration = booking(patient, "INTEGRATION", "2030-10-11T10:00:00Z", 60,
				room("ROOM", List.of()), staff("therapist.wren"));
		integration.put("courseId", course);
		assertThat(this.api.post("/api/v1/appointments", integration, this.prescriber).status()).isEqualTo(201);
		assertThat(this.api.get("/api/v1/courses/" + course + "/checks", this.prescriber).json()).isEmpty();
		assertThat(this.api.get("/api/v1/course-templates", this.prescriber).body()).contains("ESKETAMINE_REMS",
				"IV_INFUSION_SERIES", "MAINTENANCE_BOOSTER");
	}

	private Map<String, Object> courseBooking(String patient, String course) {
		Map<String, Object> request = booking(patient, "PREPARATION", "2030-10-07T10:00:00Z", 60,
				room("ROOM", List.of()), staff("therapist.wren"));
		request.put("courseId", course);
		return request;
	}

	private Response dose(String patient, String chair, List<String> staff, String start) {
		return this.api.post("/api/v1/appointments",
				booking(patient, "DOSING", start, 100, chair, staff, "IV_INFUSION"), this.prescriber);
	}

	private Response book(String patient, String type, String start, String roomId, List<String> staff) {
		return this.api.post("/api/v1/appointments", booking(patient, type, start, 60, roomId, staff), this.prescriber);
	}

	private static Map<String, Object> booking(String patient, String type, String start, int minutes, String roomId,
			List<String> staff) {
		Map<String, Object> request = new HashMap<>();
		request.put("patientId", patient);
		request.put("type", type);
		request.put("start", start);
		request.put("durationMinutes", minutes);
		request.put("roomId", roomId);
		request.put("staffIds", staff);
		return request;
	}

	private static Map<String, Object> booking(String patient, String type, String start, int minutes, String roomId,
			List<String> staff, String program) {
		Map<String, Object> request = booking(patient, type, start, minutes, roomId, staff);
		request.put("program", program);
		return request;
	}

	private static Map<String, Object> withLink(Map<String, Object> request) {
		request.put("telehealthLink", "https://video.example.test/room/1");
		return request;
	}

	private List<String> staff(String... usernames) {
		List<String> ids = new ArrayList<>();
		for (String username : usernames) {
			ids.add(userId(username).toString());
		}
		return ids;
	}

	private String room(String kind, List<String> capabilities) {
		Response created = this.api.post("/api/v1/rooms", Map.of("name", kind.toLowerCase() + "-" + UUID.randomUUID(),
				"kind", kind, "capabilities", capabilities), this.admin);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private String patient(String family) {
		Response created = this.api.post("/api/v1/patients",
				Map.of("givenName", "Sched", "familyName", family, "birthDate", "1984-04-04"), this.prescriber);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private UUID newStaff(String role) {
		String username = "staff." + UUID.randomUUID().toString().substring(0, 8);
		Response created = this.api.post("/api/v1/users", Map.of("username", username, "displayName",
				"Test " + username + " (synthetic)", "password", "synthetic-pass-2030", "roles", List.of(role)),
				this.admin);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return UUID.fromString(created.json().get("id").asString());
	}

	/** Intake, screening, an ELIGIBLE decision and the program's consent. */
	private void makeReady(String patient, String program) {
		EligiblePatients.make(this.api, this.jdbc, this.prescriber, patient, program);
	}

}
