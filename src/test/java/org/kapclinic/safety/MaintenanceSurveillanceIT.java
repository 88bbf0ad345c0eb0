package org.kapclinic.safety;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.kapclinic.IntegrationTest;
import org.kapclinic.dosing.DosingFixtures;
import org.kapclinic.dosing.DosingSteps;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Surveillance starts with maintenance (issue 19): starting a maintenance course
 * schedules the bladder checklist every 28 days (kap.safety.bladder-checklist-every-days)
 * and, with no ALT or AST in the last 180 days (kap.safety.liver-tests-every-days), opens
 * a task for the baseline; a course outside maintenance does neither.
 */
class MaintenanceSurveillanceIT extends IntegrationTest {

	@Test
	void aMaintenanceCourseSchedulesTheChecklistAndAsksForBaselineLiverTests() {
		DosingFixtures fixtures = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId)
			.fixtures();
		String maintenance = fixtures.inCourse("KAP", 70, "MAINTENANCE_BOOSTER").patientId();
		assertThat(schedules(maintenance)).containsExactly("{BLADDER-CHECKLIST}:28");
		assertThat(labDueTasks(maintenance)).isEqualTo(1);

		String induction = fixtures.inCourse("KAP", 70, "KAP_IN_SESSION").patientId();
		assertThat(schedules(induction)).isEmpty();
		assertThat(labDueTasks(induction)).isZero();

		// A patient with an ALT 179 days old gets no baseline task when maintenance
		// starts.
		String tested = fixtures.inCourse("KAP", 70, "KAP_IN_SESSION").patientId();
		this.api.post(
				"/api/v1/patients/" + tested + "/lab-results", Map.of("code", "1742-6", "value", 22, "unit", "U/L",
						"referenceHigh", 40, "collectedAt", Instant.now().minus(179, ChronoUnit.DAYS).toString()),
				tokenFor("nurse.bell"));
		var started = this.api.post("/api/v1/patients/" + tested + "/courses",
				Map.of("templateCode", "MAINTENANCE_BOOSTER", "therapistId", userId("therapist.cove").toString()),
				tokenFor("dr.quill"));
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		assertThat(schedules(tested)).containsExactly("{BLADDER-CHECKLIST}:28");
		assertThat(labDueTasks(tested)).as("liver tests within 180 days").isZero();
	}

	private java.util.List<String> schedules(String patient) {
		return this.jdbc.sql("""
				select instruments::text || ':' || every_days from measures.schedule where patient_id = ?::uuid""")
			.param(patient)
			.query(String.class)
			.list();
	}

	private int labDueTasks(String patient) {
		return this.jdbc.sql("select count(*) from tasks.care_task where patient_id = ?::uuid and kind = 'LAB_DUE'")
			.param(patient)
			.query(Integer.class)
			.single();
	}

}
