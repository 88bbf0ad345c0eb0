package org.kapclinic.safety;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kapclinic.ModuleTestDatabase;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.dosing.Exposures;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.Role;
import org.kapclinic.identity.UserDirectory;
import org.kapclinic.measures.Measures;
import org.kapclinic.notes.ModuleNotes;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.patient.Patients;
import org.kapclinic.reports.ReportSettings;
import org.kapclinic.scheduling.CourseAttendance;
import org.kapclinic.scheduling.CourseChanged;
import org.kapclinic.scheduling.MaintenanceCourses.MaintenanceCourse;
import org.kapclinic.scheduling.MaintenanceCourses;
import org.kapclinic.tasks.CareTasks;
import org.kapclinic.tasks.NewTask;
import org.kapclinic.tasks.TaskPriority;
import org.mockito.ArgumentCaptor;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The safety module on its own (issue 15 item 8): what a course started or changing
 * status, told by the scheduling module in the course's transaction, does here. The
 * maintenance worklist's read model follows the patient's maintenance courses and last
 * review ({@code MaintenanceDueIT} starts and completes real courses), and a maintenance
 * course starts surveillance: the bladder checklist scheduled, and a task for baseline
 * liver tests when none is recent ({@code MaintenanceSurveillanceIT}). Which courses are
 * maintenance is the scheduling module's to say (a mock here, as are the measures and
 * tasks modules); the read model and lab results are the module's own tables on a real
 * PostgreSQL. The listeners run in the publisher's transaction, so the tests publish and
 * look, without waiting.
 */
@ApplicationModuleTest(webEnvironment = WebEnvironment.NONE)
@ContextConfiguration(initializers = ModuleTestDatabase.class)
class SafetyModuleTests {

	private static final Instant STARTED = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(100, ChronoUnit.DAYS);

	@MockitoBean
	MaintenanceCourses courses;

	@MockitoBean
	Measures measures;

	@MockitoBean
	CareTasks tasks;

	// The rest only for the module's pages and services to start.
	@MockitoBean
	AuditTrail audit;

	@MockitoBean
	Exposures exposures;

	@MockitoBean
	CurrentUser currentUser;

	@MockitoBean
	UserDirectory directory;

	@MockitoBean
	ModuleNotes notes;

	@MockitoBean
	CareTeamAccess access;

	@MockitoBean
	Patients patients;

	@MockitoBean
	CourseAttendance attendance;

	@MockitoBean
	ReportSettings reportSettings;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final JdbcClient owner = ModuleTestDatabase.owner();

	SafetyModuleTests(ApplicationEventPublisher events, PlatformTransactionManager transactions) {
		this.events = events;
		this.transactions = new TransactionTemplate(transactions);
	}

	@Test
	void aMaintenanceCoursePutsThePatientOnTheWorklistAndClosingItTakesThemOff() {
		UUID patientId = UUID.randomUUID();
		UUID courseId = UUID.randomUUID();
		Instant reviewed = STARTED.plus(60, ChronoUnit.DAYS);
		review(patientId, reviewed);
		UUID otherPatient = UUID.randomUUID();
		this.owner
			.sql("insert into safety.maintenance_due (patient_id, course_name, first_started_at) values (?, ?, ?)")
			.params(otherPatient, "Another patient's booster", Timestamp.from(STARTED))
			.update();
		onMaintenance(patientId, courseId);

		told(new CourseChanged(patientId, courseId));
		assertThat(due(patientId)).as("counted from the last review, kept with the row")
			.isEqualTo("Maintenance booster (test) " + STARTED + " " + reviewed + " " + reviewed);

		given(this.courses.of(patientId)).willReturn(List.of());
		told(new CourseChanged(patientId, courseId));
		assertThat(due(patientId)).as("no maintenance course left").isNull();
		assertThat(due(otherPatient)).as("another patient's row stays").startsWith("Another patient's booster");
	}

	@Test
	void aMaintenanceCourseSchedulesTheBladderChecklistAndAsksForBaselineLiverTests() {
		UUID patientId = UUID.randomUUID();
		UUID courseId = UUID.randomUUID();
		onMaintenance(patientId, courseId);

		told(new CourseChanged(patientId, courseId));

		verify(this.measures).scheduleEvery(patientId, MaintenancePages.BLADDER_CHECKLIST, 28);
		ArgumentCaptor<NewTask> opened = ArgumentCaptor.forClass(NewTask.class);
		verify(this.tasks).open(opened.capture());
		NewTask task = opened.getValue();
		assertThat(task.kind()).isEqualTo("LAB_DUE");
		assertThat(task.priority()).isEqualTo(TaskPriority.ROUTINE);
		assertThat(task.patientId()).isEqualTo(patientId);
		assertThat(task.sourceType() + " " + task.sourceId()).isEqualTo("Course " + courseId);
		assertThat(task.assigneeRoles()).containsExactlyInAnyOrder(Role.PRESCRIBER, Role.NURSE);
		assertThat(task.dueBy()).isCloseTo(Instant.now().plus(14, ChronoUnit.DAYS), within(1, ChronoUnit.MINUTES));
		assertThat(task.linkPath()).isEqualTo("/patients/" + patientId + "/labs");
	}

	@Test
	void anAltWithinTheIntervalSparesTheTaskAndOneOutsideItOrVoidedDoesNot() {
		UUID tested = UUID.randomUUID();
		UUID testedCourse = UUID.randomUUID();
		liverTest(tested, LabTest.ALT, 179, false);
		onMaintenance(tested, testedCourse);
		// Tested too long ago (180 days: kap.safety.liver-tests-every-days), and a
		// recent result voided as entered in error.
		UUID testedLongAgo = UUID.randomUUID();
		UUID longAgoCourse = UUID.randomUUID();
		liverTest(testedLongAgo, LabTest.AST, 181, false);
		liverTest(testedLongAgo, LabTest.ALT, 10, true);
		onMaintenance(testedLongAgo, longAgoCourse);

		told(new CourseChanged(tested, testedCourse));
		verify(this.measures).scheduleEvery(tested, MaintenancePages.BLADDER_CHECKLIST, 28);
		verifyNoInteractions(this.tasks);

		told(new CourseChanged(testedLongAgo, longAgoCourse));
		verify(this.tasks).open(any(NewTask.class));
	}

	@Test
	void aCourseOutsideMaintenanceOrAChecklistAlreadyScheduledStartsNothing() {
		UUID patientId = UUID.randomUUID();
		onMaintenance(patientId, UUID.randomUUID());
		UUID scheduled = UUID.randomUUID();
		UUID scheduledCourse = UUID.randomUUID();
		onMaintenance(scheduled, scheduledCourse);
		given(this.measures.scheduled(scheduled, MaintenancePages.BLADDER_CHECKLIST)).willReturn(true);

		told(new CourseChanged(patientId, UUID.randomUUID()));
		told(new CourseChanged(scheduled, scheduledCourse));

		verify(this.measures, never()).scheduleEvery(any(), any(), anyInt());
		verifyNoInteractions(this.tasks);
	}

	/**
	 * Published in a transaction, as the scheduling module publishes it: the listeners
	 * run in it, so their effect has committed when this returns.
	 */
	private void told(CourseChanged event) {
		this.transactions.executeWithoutResult((tx) -> this.events.publishEvent(event));
	}

	private void onMaintenance(UUID patientId, UUID courseId) {
		given(this.courses.of(patientId))
			.willReturn(List.of(new MaintenanceCourse(courseId, patientId, "Maintenance booster (test)", STARTED)));
	}

	private void review(UUID patientId, Instant at) {
		this.owner.sql("""
				insert into safety.maintenance_review (id, patient_id, decision, reason, reviewed_at, reviewed_by)
				values (?, ?, 'CONTINUE', 'Doing well (fictional)', ?, ?)""")
			.params(UUID.randomUUID(), patientId, Timestamp.from(at), UUID.randomUUID())
			.update();
	}

	/** A liver test of the patient's, collected so many days ago (voided: in error). */
	private void liverTest(UUID patientId, LabTest test, int daysAgo, boolean voided) {
		this.owner.sql("""
				insert into safety.lab_result (id, patient_id, code, value, unit, reference_high, collected_at,
				    recorded_at, recorded_by, voided_at, voided_by, void_reason)
				values (?, ?, ?, 22, 'U/L', 40, ?, now(), ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), patientId, test.loinc(),
					Timestamp.from(Instant.now().minus(daysAgo, ChronoUnit.DAYS)), UUID.randomUUID(),
					voided ? Timestamp.from(Instant.now()) : null, voided ? UUID.randomUUID() : null,
					voided ? "Entered on the wrong chart (fictional)" : null)
			.update();
	}

	private String due(UUID patientId) {
		return this.owner
			.sql("select course_name, first_started_at, last_review_at, review_from from safety.maintenance_due "
					+ "where patient_id = ?")
			.param(patientId)
			.query((rs, n) -> rs.getString(1) + " " + rs.getTimestamp(2).toInstant() + " "
					+ ((rs.getTimestamp(3) != null) ? rs.getTimestamp(3).toInstant() : null) + " "
					+ rs.getTimestamp(4).toInstant())
			.optional()
			.orElse(null);
	}

}
