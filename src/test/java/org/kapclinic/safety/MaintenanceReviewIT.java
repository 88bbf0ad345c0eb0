package org.kapclinic.safety;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;
import org.kapclinic.dosing.DosingFixtures;
import org.kapclinic.dosing.DosingFixtures.ReadyInCourse;
import org.kapclinic.dosing.DosingSteps;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The maintenance review over the API (issue 19): a patient in a course from the
 * maintenance template (MAINTENANCE_BOOSTER, "maintenance": true) is reviewed every
 * kap.safety.maintenance-review-interval (90 days, clinic policy); a dose after the
 * review falls due is not booked (422 MAINTENANCE_REVIEW_OVERDUE) until a prescriber
 * records the review, which releases it. Time passing is the course's start moved back.
 */
class MaintenanceReviewIT extends IntegrationTest {

	@Test
	@DisplayName("A dose an hour past the 90-day review is refused, an hour before it is not; a review releases it")
	void anOverdueReviewRefusesTheBookingAndARecordedReviewReleasesIt() {
		DosingFixtures fixtures = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId)
			.fixtures();
		ReadyInCourse course = fixtures.inCourse("KAP", 75, "MAINTENANCE_BOOSTER");
		String prescriber = tokenFor("dr.quill");
		String reviews = "/api/v1/patients/" + course.patientId() + "/maintenance-reviews";

		// The fixture books a dose starting a little before now (on today's clinic date).
		Instant doseStart = DosingFixtures.startNow(150);
		startedBefore(course, doseStart, "90 days - 1 hour");
		Response status = this.api.get(reviews, prescriber);
		assertThat(status.json().get("onMaintenance").asBoolean()).isTrue();
		assertThat(Instant.parse(status.json().get("dueAt").asString())).as("90 days after the course's start")
			.isEqualTo(doseStart.plusSeconds(3600));
		Response inTime = fixtures.book(course.patientId(), "DOSING", "KAP", course.courseId());
		assertThat(inTime.status()).as("the review falls due an hour after this dose starts: " + inTime.body())
			.isEqualTo(201);
		assertThat(this.api
			.post("/api/v1/appointments/" + inTime.json().get("id").asString() + "/cancel",
					Map.of("reason", "Rebooked in the test"), prescriber)
			.status()).isEqualTo(200);

		startedBefore(course, doseStart, "90 days + 1 hour");
		assertThat(this.api.get(reviews, prescriber).json().get("overdue").asBoolean()).isTrue();
		Response refused = fixtures.book(course.patientId(), "DOSING", "KAP", course.courseId());
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.body()).contains("MAINTENANCE_REVIEW_OVERDUE", "a prescriber records it");

		assertThat(this.api.post(reviews, Map.of("decision", "CONTINUE", "reason", "fine"), tokenFor("nurse.bell"))
			.status()).as("a prescriber records the review").isEqualTo(403);
		Response invalid = this.api.post(reviews, Map.of("decision", "KEEP_GOING", "reason", " "), prescriber);
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.body()).contains("decision", "CONTINUE, TAPER, PAUSE, STOP", "reason");
		assertThat(this.api.get(reviews, prescriber).json().get("reviews")).as("nothing half-saved").isEmpty();

		this.api.post(
				"/api/v1/patients/" + course.patientId() + "/lab-results", Map.of("code", "1742-6", "value", 31, "unit",
						"U/L", "referenceHigh", 40, "collectedAt", Instant.now().minusSeconds(86400).toString()),
				prescriber);
		this.api.post("/api/v1/patients/" + course.patientId() + "/patient-requests",
				Map.of("kind", "DOSE_ESCALATION", "requestedOn", java.time.LocalDate.now().minusDays(3).toString()),
				prescriber);
		Response recorded = this.api.post(reviews,
				Map.of("decision", "TAPER", "reason",
						"PHQ-9 stable at 6; no urinary symptoms; 12 sessions this year. Lengthen to every 6 weeks."),
				prescriber);
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
		assertThat(recorded.json().get("decisionLabel").asString()).isEqualTo("Taper: longer intervals or lower doses");
		// Recorded as a signed structured note: what was reviewed, the decision and why.
		Response note = this.api.get("/api/v1/notes/" + recorded.json().get("noteId").asString(), prescriber);
		assertThat(note.status()).as(note.body()).isEqualTo(200);
		assertThat(note.json().get("type").asString()).isEqualTo("MAINTENANCE_REVIEW");
		assertThat(note.json().get("signedAt").isNull()).as("signed").isFalse();
		assertThat(note.json().get("contentHash").asString()).isNotBlank();
		JsonNode body = note.json().get("body");
		assertThat(body.get("exposure").asString()).contains("Last 30 days:", "Lifetime:");
		assertThat(body.get("labs").asString()).contains("ALT (alanine aminotransferase) 31 U/L");
		assertThat(body.get("misuseSignals").asString()).contains("Asked for a higher dose: 1",
				"No PDMP check recorded");
		assertThat(body.get("bladder").asString()).isEqualTo("No bladder symptom checklist answered.");
		assertThat(body.get("decision").asString()).isEqualTo("Taper: longer intervals or lower doses");
		assertThat(body.get("reason").asString()).startsWith("PHQ-9 stable at 6");
		assertThat(this.api
			.post("/api/v1/patients/" + course.patientId() + "/notes",
					Map.of("type", "MAINTENANCE_REVIEW", "body", Map.of("reason", "x")), prescriber)
			.status()).as("written only by the review").isEqualTo(400);
		Response after = this.api.get(reviews, prescriber);
		assertThat(after.json().get("overdue").asBoolean()).isFalse();
		assertThat(after.json().get("reviews")).hasSize(1);
		Response released = fixtures.book(course.patientId(), "DOSING", "KAP", course.courseId());
		assertThat(released.status()).as(released.body()).isEqualTo(201);
	}

	@Test
	void aPatientWithoutAMaintenanceCourseIsNotHeldBackAndHasNothingToReview() {
		DosingFixtures fixtures = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId)
			.fixtures();
		ReadyInCourse course = fixtures.inCourse("KAP", 75, "KAP_IN_SESSION");
		startedBefore(course, Instant.now(), "400 days");
		String reviews = "/api/v1/patients/" + course.patientId() + "/maintenance-reviews";
		assertThat(this.api.get(reviews, tokenFor("dr.quill")).json().get("onMaintenance").asBoolean()).isFalse();
		assertThat(fixtures.book(course.patientId(), "DOSING", "KAP", course.courseId()).status()).isEqualTo(201);
		Response nothing = this.api.post(reviews, Map.of("decision", "CONTINUE", "reason", "routine"),
				tokenFor("dr.quill"));
		assertThat(nothing.status()).isEqualTo(400);
		assertThat(nothing.body()).contains("no maintenance course");
	}

	private void startedBefore(ReadyInCourse course, Instant at, String interval) {
		this.jdbc
			.sql("update scheduling.course set created_at = ?::timestamptz - interval '" + interval
					+ "' where id = ?::uuid")
			.params(java.sql.Timestamp.from(at), course.courseId())
			.update();
	}

}
