package org.kapclinic.dosing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.kapclinic.ApiClient;
import org.kapclinic.EligiblePatients;
import org.kapclinic.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A patient ready for a dosing session today, through the real API: registered, care
 * team, weight, intake, an ELIGIBLE decision, the program's consent, a chair and a DOSING
 * appointment that is open for check-in now. Fictional people only.
 */
public final class DosingFixtures {

	private final ApiClient api;

	private final JdbcClient jdbc;

	private final String admin;

	private final String prescriber;

	private final Map<String, UUID> users;

	public DosingFixtures(ApiClient api, JdbcClient jdbc, String admin, String prescriber, Map<String, UUID> users) {
		this.api = api;
		this.jdbc = jdbc;
		this.admin = admin;
		this.prescriber = prescriber;
		this.users = users;
	}

	/**
	 * A fictional lot received into the ledger: ketamine 50 mg/mL, or Spravato devices.
	 */
	public String lot(String product) {
		Map<String, Object> receipt = new HashMap<>();
		boolean esketamine = "ESKETAMINE".equals(product);
		receipt.put("product", product);
		receipt.put("ndc", esketamine ? "50458-028-03" : "99999-050-10");
		receipt.put("lot", "FICTION-" + UUID.randomUUID().toString().substring(0, 8));
		receipt.put("expiry", LocalDate.now().plusMonths(6).toString());
		receipt.put("quantityMg", esketamine ? 2800 : 10000);
		if (!esketamine) {
			receipt.put("concentrationMgPerMl", 50);
		}
		Response received = this.api.post("/api/v1/controlled-substances/receipts", receipt, this.prescriber);
		assertThat(received.status()).as(received.body()).isEqualTo(201);
		return received.json().get("lotId").asString();
	}

	/**
	 * A booked dosing appointment for a new patient who has everything a first dose
	 * needs.
	 */
	public Ready ready(String program, double weightKg) {
		String patient = patient("Dosewell" + UUID.randomUUID().toString().substring(0, 6), "1984-04-04");
		weight(patient, weightKg, Instant.now().minus(Duration.ofDays(2)));
		eligible(patient, program);
		if ("ESKETAMINE".equals(program)) {
			assertThat(
					this.api
						.post("/api/v1/patients/" + patient + "/rems-enrollment",
								Map.of("enrollmentId", "REMS-FICTION-" + patient.substring(0, 6), "enrolledOn",
										LocalDate.now().minusDays(3).toString()),
								this.prescriber)
						.status())
				.isEqualTo(200);
		}
		String appointment = appointment(patient, "DOSING", program);
		return new Ready(patient, appointment);
	}

	/**
	 * As {@link #ready}, the dosing appointment booked in a treatment course started from
	 * the program's template (the outcomes report reads doses by course).
	 */
	public ReadyInCourse readyInCourse(String program, double weightKg) {
		ReadyInCourse started = inCourse(program, weightKg, switch (program) {
			case "IV_INFUSION" -> "IV_INFUSION_SERIES";
			case "ESKETAMINE" -> "ESKETAMINE_REMS";
			default -> "KAP_IN_SESSION";
		});
		return new ReadyInCourse(started.patientId(),
				appointment(started.patientId(), "DOSING", program, started.courseId()), started.courseId());
	}

	/**
	 * A patient eligible for the program, weighed, in a course started from
	 * {@code template}, with nothing booked yet (appointmentId null).
	 */
	public ReadyInCourse inCourse(String program, double weightKg, String template) {
		String patient = patient("Coursedose" + UUID.randomUUID().toString().substring(0, 6), "1984-04-04");
		weight(patient, weightKg, Instant.now().minus(Duration.ofDays(2)));
		eligible(patient, program);
		Map<String, Object> course = new HashMap<>();
		course.put("templateCode", template);
		course.put("therapistId", this.users.get("therapist.cove").toString());
		course.put("outsideTherapist", "Dr. Imaginary Outsider (fictional)");
		Response started = this.api.post("/api/v1/patients/" + patient + "/courses", course, this.prescriber);
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		return new ReadyInCourse(patient, null, started.json().get("id").asString());
	}

	String patient(String family, String birthDate) {
		return patient(family, birthDate, List.of());
	}

	/** A patient with guardians (a minor needs one), on the fixture's care team. */
	String patient(String family, String birthDate, List<Map<String, String>> guardians) {
		Map<String, Object> details = new HashMap<>(
				Map.of("givenName", "Dosing", "familyName", family, "birthDate", birthDate, "sexAtBirth", "MALE"));
		if (!guardians.isEmpty()) {
			details.put("guardians", guardians);
		}
		Response created = this.api.post("/api/v1/patients", details, this.prescriber);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(this.api
			.put("/api/v1/patients/" + id + "/care-team", Map.of("members", List.of(this.users.get("dr.quill"),
					this.users.get("nurse.bell"), this.users.get("therapist.cove"))), this.admin)
			.status()).isEqualTo(200);
		return id;
	}

	void weight(String patient, double kg, Instant measuredAt) {
		Response weighed = this.api.post("/api/v1/patients/" + patient + "/body-measurements",
				Map.of("weightKg", kg, "measuredAt", measuredAt.toString()), this.prescriber);
		assertThat(weighed.status()).as(weighed.body()).isEqualTo(201);
	}

	void eligible(String patient, String program) {
		EligiblePatients.make(this.api, this.jdbc, this.prescriber, patient, program);
	}

	/** An appointment open for check-in now, on one clinic day. */
	String appointment(String patient, String type, String program) {
		return appointment(patient, type, program, null);
	}

	public String appointment(String patient, String type, String program, String courseId) {
		Response booked = book(patient, type, program, courseId);
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		return booked.json().get("id").asString();
	}

	/**
	 * Books an appointment open for check-in now (its own chair and staff), and returns
	 * the answer, refused or not.
	 */
	public Response book(String patient, String type, String program, String courseId) {
		int minutes = 150;
		Map<String, Object> request = new HashMap<>();
		request.put("patientId", patient);
		request.put("type", type);
		request.put("start", startNow(minutes).toString());
		request.put("durationMinutes", minutes);
		request.put("roomId", chair());
		// Staff of their own: every fixture appointment is "now", and a seat is held per
		// person.
		request.put("staffIds", List.of(newStaff("NURSE"), newStaff("PRESCRIBER"), newStaff("THERAPIST")));
		request.put("program", program);
		if (courseId != null) {
			request.put("courseId", courseId);
		}
		return this.api.post("/api/v1/appointments", request, this.prescriber);
	}

	/**
	 * A start a few minutes ago whose appointment ends the same clinic day (the booking
	 * gate refuses one that crosses midnight).
	 */
	public static Instant startNow(int minutes) {
		ZoneId zone = ZoneId.systemDefault();
		ZonedDateTime now = ZonedDateTime.now(zone).truncatedTo(ChronoUnit.MINUTES);
		ZonedDateTime midnight = now.toLocalDate().atStartOfDay(zone);
		ZonedDateTime start = now.minusMinutes(10);
		if (start.isBefore(midnight)) {
			start = midnight;
		}
		ZonedDateTime nextMidnight = midnight.plusDays(1);
		if (start.plusMinutes(minutes).isAfter(nextMidnight)) {
			start = nextMidnight.minusMinutes(minutes);
		}
		return start.toInstant();
	}

	private String newStaff(String role) {
		String username = "dosing." + UUID.randomUUID().toString().substring(0, 8);
		Response created = this.api.post("/api/v1/users", Map.of("username", username, "displayName",
				"Test " + username + " (synthetic)", "password", "synthetic-pass-2030", "roles", List.of(role)),
				this.admin);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private String chair() {
		Response created = this.api.post("/api/v1/rooms", Map.of("name", "chair-" + UUID.randomUUID(), "kind", "CHAIR",
				"capabilities", List.of("IV pump", "pulse oximeter")), this.admin);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	/**
	 * Moves everything recorded in a session back by {@code minutes}, as if that much
	 * time had passed since (the rules compare with the real clock).
	 */
	public void rewind(String session, int minutes) {
		String interval = minutes + " minutes";
		UUID id = UUID.fromString(session);
		this.jdbc.sql("""
				update dosing.session set checked_in_at = checked_in_at - ?::interval,
				    first_dose_at = first_dose_at - ?::interval, last_dose_at = last_dose_at - ?::interval,
				    ready_at = ready_at - ?::interval where id = ?""")
			.params(interval, interval, interval, interval, id)
			.update();
		for (String table : List.of("administration", "vitals", "observation")) {
			this.jdbc
				.sql("update dosing." + table + " set at = at - ?::interval, recorded_at = recorded_at - ?::interval"
						+ " where session_id = ?")
				.params(interval, interval, id)
				.update();
		}
		this.jdbc.sql("update dosing.dose_order set ordered_at = ordered_at - ?::interval where session_id = ?")
			.params(interval, id)
			.update();
		this.jdbc
			.sql("update dosing.alert set at = at - ?::interval, raised_at = raised_at - ?::interval"
					+ " where session_id = ?")
			.params(interval, interval, id)
			.update();
	}

	/** A patient ready for a dose and their appointment. */
	public record ReadyInCourse(String patientId, String appointmentId, String courseId) {
	}

	public record Ready(String patientId, String appointmentId) {
	}

}
