package org.kapclinic.safety;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.IntegrationTest;
import org.kapclinic.dosing.DosingFixtures;
import org.kapclinic.dosing.DosingFixtures.ReadyInCourse;
import org.kapclinic.dosing.DosingSteps;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worklist's read model (issue 19, V99) follows the courses and reviews: a
 * maintenance course started through the API adds the patient, a review moves their date,
 * a course completed takes them off; a rebuild gives the same rows as the events did.
 */
class MaintenanceDueIT extends IntegrationTest {

	@Autowired
	MaintenanceDue model;

	@Test
	void theReadModelFollowsCoursesAndReviewsAndARebuildAgrees() {
		DosingFixtures fixtures = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId)
			.fixtures();
		ReadyInCourse course = fixtures.inCourse("KAP", 70, "MAINTENANCE_BOOSTER");
		UUID patient = UUID.fromString(course.patientId());
		Instant started = reviewFrom(patient);
		assertThat(started).as("the course's start, through its event")
			.isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(5, ChronoUnit.MINUTES));

		assertThat(this.api
			.post("/api/v1/patients/" + patient + "/maintenance-reviews",
					Map.of("decision", "CONTINUE", "reason", "Helping; no urinary symptoms."), tokenFor("dr.quill"))
			.status()).isEqualTo(201);
		Instant reviewed = reviewFrom(patient);
		assertThat(reviewed).as("counted from the review").isAfterOrEqualTo(started);
		assertThat(this.jdbc.sql("select last_review_at is not null from safety.maintenance_due where patient_id = ?")
			.param(patient)
			.query(Boolean.class)
			.single()).isTrue();

		this.model.rebuild();
		assertThat(reviewFrom(patient)).as("a rebuild agrees with the events").isEqualTo(reviewed);

		var response = this.api.get("/api/v1/courses/" + course.courseId(), tokenFor("dr.quill"));
		int version = response.json().get("version").asInt();
		var completed = this.api.post("/api/v1/courses/" + course.courseId() + "/status",
				Map.of("status", "ACTIVE", "version", version), tokenFor("dr.quill"));
		assertThat(completed.status()).as(completed.body()).isEqualTo(200);
		version = completed.json().get("version").asInt();
		var stopped = this.api.post("/api/v1/courses/" + course.courseId() + "/status",
				Map.of("status", "COMPLETED", "reason", "Booster done", "version", version), tokenFor("dr.quill"));
		assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
		assertThat(this.jdbc.sql("select count(*) from safety.maintenance_due where patient_id = ?")
			.param(patient)
			.query(Integer.class)
			.single()).as("no longer on maintenance").isZero();
	}

	private Instant reviewFrom(UUID patient) {
		return this.jdbc.sql("select review_from from safety.maintenance_due where patient_id = ?")
			.param(patient)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
	}

}
