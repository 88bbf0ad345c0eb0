package org.kapclinic.safety;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;
import org.kapclinic.dosing.DosingFixtures.ReadyInCourse;
import org.kapclinic.dosing.DosingSteps;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart's maintenance review in Chromium (issue 19): a nurse sees the review overdue
 * and that a prescriber records it; the prescriber finds the patient on the worklist of
 * reviews due, reads the cumulative exposure, records the review, and the next one is due
 * 90 days later (kap.safety.maintenance-review-interval).
 */
class MaintenanceReviewBrowserIT extends IntegrationTest {

	@org.springframework.beans.factory.annotation.Autowired
	MaintenanceDue maintenanceDue;

	@Test
	void aNurseSeesTheOverdueReviewAndThePrescriberRecordsIt() throws Exception {
		ReadyInCourse course = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId)
			.fixtures()
			.inCourse("KAP", 70, "MAINTENANCE_BOOSTER");
		this.jdbc.sql("update scheduling.course set created_at = now() - interval '100 days' where id = ?::uuid")
			.param(course.courseId())
			.update();
		// The test moves the course's start by SQL, past the events that keep the
		// worklist's read model.
		this.maintenanceDue.refresh(java.util.UUID.fromString(course.patientId()));

		String family = this.jdbc.sql("select family_name from patient.patient where id = ?::uuid")
			.param(course.patientId())
			.query(String.class)
			.single();

		try (Chromium nurse = Chromium.start(this.port, 1280, 900)) {
			nurse.signIn("nurse.bell", PASSWORD);
			nurse.open("/patients/" + course.patientId());
			nurse.click(By.linkText("Maintenance review"));
			assertThat(nurse.text(By.id("review-due"))).contains("Review overdue", "No further dose can be booked",
					"Maintenance / booster, started");
			assertThat(nurse.text(By.id("prescriber-records"))).isEqualTo("A prescriber records the review.");
			assertThat(nurse.driver().findElements(By.id("review-form"))).isEmpty();
		}
		try (Chromium prescriber = Chromium.start(this.port, 1280, 900)) {
			prescriber.signIn("dr.quill", PASSWORD);
			prescriber.open("/tasks");
			prescriber.click(By.id("maintenance-reviews-due"));
			String worklist = prescriber.text(By.id("reviews-due"));
			assertThat(worklist).as("the prescribers' worklist").contains(family, "Maintenance / booster", "Overdue");
			prescriber.click(By.partialLinkText(family));
			assertThat(prescriber.text(By.id("review-due"))).contains("Review overdue");
			assertThat(prescriber.text(By.id("exposure-table"))).contains("Last 30 days", "Lifetime");
			assertThat(prescriber.text(By.id("review-snapshot"))).as("what the signed note will record")
				.contains("Cumulative exposure", "Bladder symptoms", "No bladder symptom checklist answered.",
						"Misuse and diversion signals", "No PDMP check recorded.");
			prescriber.click(By.id("decision-CONTINUE"));
			prescriber.type(By.id("reason"), "Still helping (PHQ-9 7); no urinary symptoms; exposure modest.");
			prescriber.click(By.id("record-review"));
			assertThat(prescriber.waitForText("Maintenance review recorded: Continue maintenance."))
				.contains("Next review due");
			assertThat(prescriber.text(By.id("reviews"))).contains("Continue maintenance", "Still helping",
					"Dr. Quinn Quillfeather");
			assertThat(prescriber.text(By.id("review-due"))).doesNotContain("overdue");
			prescriber.screenshot("maintenance-review-recorded");
			prescriber.click(By.linkText("Open the note"));
			assertThat(prescriber.waitForText("Maintenance review")).contains("Cumulative exposure", "Decision",
					"Continue maintenance", "Still helping (PHQ-9 7)");
			prescriber.driver().navigate().back();
			assertThat(prescriber.text(By.id("bladder-scheduled"))).as("scheduled when the maintenance course started")
				.contains("Scheduled");
			assertThat(prescriber.text(By.id("liver-tests"))).contains("No ALT or AST recorded");
			assertThat(prescriber.driver().findElements(By.id("schedule-bladder-checklist"))).isEmpty();
			prescriber.open("/safety/maintenance-reviews");
			assertThat(prescriber.pageText()).as("reviewed: due in 90 days, off the worklist").doesNotContain(family);
		}
	}

}
