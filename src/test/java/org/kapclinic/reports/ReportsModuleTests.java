package org.kapclinic.reports;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kapclinic.ModuleTestDatabase;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.dosing.CourseDosing;
import org.kapclinic.dosing.DoseGiven;
import org.kapclinic.dosing.DosedCourse;
import org.kapclinic.dosing.Route;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.StepUp;
import org.kapclinic.intake.RecordedDiagnoses;
import org.kapclinic.measures.CompleteScore;
import org.kapclinic.measures.Measures;
import org.kapclinic.measures.OutcomeJudgement;
import org.kapclinic.measures.ScoreRecorded;
import org.kapclinic.patient.PatientSummary;
import org.kapclinic.patient.Patients;
import org.kapclinic.patient.SexAtBirth;
import org.kapclinic.scheduling.CourseAttendance;
import org.mockito.Mockito;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;

/**
 * The reports module on its own (issue 15 item 8; ADR 7): a score or a dose told by the
 * measures or dosing module after its commit derives the patient's rows of the outcomes
 * read model again, asynchronously, from those modules' APIs (mocks here, answering as
 * they would), into the module's table on a real PostgreSQL.
 */
@ApplicationModuleTest(webEnvironment = WebEnvironment.NONE)
@ContextConfiguration(initializers = ModuleTestDatabase.class)
class ReportsModuleTests {

	private static final Instant FIRST_DOSE = Instant.parse("2026-09-01T15:00:00Z");

	@MockitoBean
	CourseDosing dosing;

	/**
	 * A mock made before the context starts: the read model checks its rules' version
	 * when the application is ready ({@code OutcomeRebuild}), before a test could stub
	 * it.
	 */
	@TestBean
	Measures measures;

	@MockitoBean
	Patients patients;

	@MockitoBean
	RecordedDiagnoses diagnoses;

	@MockitoBean
	CourseAttendance attendance;

	@MockitoBean
	AuditTrail audit;

	@MockitoBean
	CurrentUser currentUser;

	@MockitoBean
	StepUp stepUp;

	private final JdbcClient owner = ModuleTestDatabase.owner();

	static Measures measures() {
		Measures measures = Mockito.mock(Measures.class);
		given(measures.outcomeRules()).willReturn(new Measures.OutcomeRulesInUse(Duration.ofDays(30), "test"));
		return measures;
	}

	@Test
	void aRecordedScoreGivesTheCourseItsBaselineAndEndOfCourseOutcome(Scenario scenario) {
		UUID patientId = UUID.randomUUID();
		UUID courseId = UUID.randomUUID();
		Instant lastDose = FIRST_DOSE.plus(14, ChronoUnit.DAYS);
		given(this.patients.summary(patientId)).willReturn(Optional.of(new PatientSummary(patientId, "T0000001",
				"Tessa Testcase", LocalDate.of(1990, 1, 1), 36, false, SexAtBirth.FEMALE)));
		given(this.dosing.dosedCourses(patientId)).willReturn(List.of(new DosedCourse(courseId, "ADJUNCTIVE", Route.IV,
				FIRST_DOSE, lastDose, 6, new BigDecimal("0.500"), 0, 1, Map.of(), 0)));
		given(this.diagnoses.primary(patientId)).willReturn(Optional.of("F33.2"));
		given(this.attendance.integrationSessions(patientId)).willReturn(Map.of());
		given(this.measures.completeScores(patientId))
			.willReturn(List.of(score(patientId, FIRST_DOSE.minus(2, ChronoUnit.DAYS), 20, "SEVERE"),
					score(patientId, lastDose.plus(1, ChronoUnit.DAYS), 8, "MILD")));
		given(this.measures.judge(eq("PHQ9"), any(), any())).willReturn(new OutcomeJudgement(true, false, true));

		scenario.publish(new ScoreRecorded(patientId, "PHQ9", lastDose.plus(1, ChronoUnit.DAYS)))
			.andWaitForStateChange(() -> row(courseId, "PHQ9"))
			.andVerify((row) -> assertThat(row).isEqualTo(
					"IV F33.2 FEMALE sessions=6 baseline=20.0 SEVERE eoc=8.0 MILD response=true remission=false"));
		assertThat(row(courseId, "*")).as("the course's own row, whatever the instruments").startsWith("IV F33.2");
	}

	@Test
	void aDoseGivenDerivesTheCoursesOwnRowBeforeAnyScore(Scenario scenario) {
		UUID patientId = UUID.randomUUID();
		UUID courseId = UUID.randomUUID();
		given(this.patients.summary(patientId)).willReturn(Optional.of(new PatientSummary(patientId, "T0000002",
				"Tessa Testcase", LocalDate.of(1985, 5, 5), 41, false, SexAtBirth.MALE)));
		given(this.dosing.dosedCourses(patientId)).willReturn(List.of(new DosedCourse(courseId, "KAP", Route.IM,
				FIRST_DOSE, FIRST_DOSE, 1, new BigDecimal("0.750"), 0, 0, Map.of(), 0)));
		given(this.diagnoses.primary(patientId)).willReturn(Optional.of("F43.10"));
		given(this.attendance.integrationSessions(patientId)).willReturn(Map.of());
		given(this.measures.completeScores(patientId)).willReturn(List.of());

		scenario.publish(new DoseGiven(patientId, courseId, UUID.randomUUID(), FIRST_DOSE))
			.andWaitForStateChange(() -> row(courseId, "*"))
			.andVerify((row) -> assertThat(row).isEqualTo("IM F43.10 MALE sessions=1"));
		assertThat(row(courseId, "PHQ9")).as("no instrument row without a score").isNull();
	}

	private String row(UUID courseId, String instrument) {
		return this.owner.sql("""
				select route || ' ' || condition || ' ' || sex_at_birth || ' sessions=' || sessions
				    || coalesce(' baseline=' || baseline || ' ' || baseline_band, '')
				    || coalesce(' eoc=' || eoc_total || ' ' || eoc_band, '')
				    || coalesce(' response=' || eoc_response || ' remission=' || eoc_remission, '')
				from reports.course_outcome where course_id = ? and instrument = ?""")
			.params(courseId, instrument)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private static CompleteScore score(UUID patientId, Instant at, int total, String band) {
		return new CompleteScore(patientId, "PHQ9", at, BigDecimal.valueOf(total), band);
	}

}
