package org.kapclinic.tasks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kapclinic.ModuleTestDatabase;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.identity.UserDirectory;
import org.kapclinic.patient.BreakGlass.BreakGlassReviewed;
import org.kapclinic.patient.BreakGlassUsed;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.patient.CareTeamChanged;
import org.kapclinic.patient.CareTeamMember;
import org.kapclinic.patient.Patients;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;

/**
 * The tasks module on its own (issue 15 item 8): the events it listens to from the
 * patient module, and its API, against its tables on a real PostgreSQL. The modules it
 * depends on are mocks: their side of each event is theirs to test.
 */
@ApplicationModuleTest(webEnvironment = WebEnvironment.NONE)
@ContextConfiguration(initializers = ModuleTestDatabase.class)
class TasksModuleTests {

	private static final UUID PRESCRIBER = UUID.randomUUID();

	private static final UUID OTHER_PRESCRIBER = UUID.randomUUID();

	private static final UUID THERAPIST = UUID.randomUUID();

	private static final UUID NURSE = UUID.randomUUID();

	private static final UUID ADMIN = UUID.randomUUID();

	@MockitoBean
	CareTeamAccess access;

	@MockitoBean
	UserDirectory directory;

	@MockitoBean
	CurrentUser currentUser;

	@MockitoBean
	AuditTrail audit;

	@MockitoBean
	Patients patients;

	private final CareTasks tasks;

	private final JdbcClient owner;

	private UUID patientId;

	TasksModuleTests(CareTasks tasks) {
		this.tasks = tasks;
		this.owner = ModuleTestDatabase.owner();
	}

	@BeforeEach
	void aPatientAndTheStaff() {
		this.patientId = ModuleTestDatabase.newPatient();
		given(this.directory.findAllCurrent(anyCollection()))
			.willAnswer((call) -> Map.of(PRESCRIBER, staff(PRESCRIBER, Role.PRESCRIBER), THERAPIST,
					staff(THERAPIST, Role.THERAPIST), NURSE, staff(NURSE, Role.NURSE)));
		given(this.directory.activeWithAnyRole(argThat((roles) -> roles != null && roles.contains(Role.ADMIN))))
			.willReturn(List.of(staff(ADMIN, Role.ADMIN)));
		given(this.directory.activeWithAnyRole(argThat((roles) -> roles != null && roles.contains(Role.PRESCRIBER))))
			.willReturn(List.of(staff(OTHER_PRESCRIBER, Role.PRESCRIBER)));
	}

	@Test
	void breakGlassOpensOneUrgentReviewForTheTeamsPrescriberAndTheAdministrators(Scenario scenario) {
		team(member(PRESCRIBER, Role.PRESCRIBER), member(THERAPIST, Role.THERAPIST));
		BreakGlassUsed used = new BreakGlassUsed(UUID.randomUUID(), this.patientId, NURSE, "nurse.testcase",
				"unresponsive in the waiting room", Instant.now().plus(1, ChronoUnit.HOURS));

		scenario.publish(used).andWaitForStateChange(() -> reviews(used.grantId())).andVerify((ids) -> {
			assertThat(ids).hasSize(1);
			assertThat(assignees(ids.get(0))).containsExactlyInAnyOrder(PRESCRIBER, ADMIN);
			assertThat(this.owner.sql("select priority || ' ' || closed_by_source from tasks.care_task where id = ?")
				.param(ids.get(0))
				.query(String.class)
				.single()).isEqualTo("URGENT true");
		});
		// The same grant told twice (a retried publication) still makes one review.
		scenario.publish(used).andWaitForStateChange(() -> reviews(used.grantId())).andVerify((ids) -> {
			assertThat(ids).hasSize(1);
		});
	}

	@Test
	void theReviewCompletesTheTaskAsTheReviewer(Scenario scenario) {
		team(member(PRESCRIBER, Role.PRESCRIBER));
		UUID grant = UUID.randomUUID();
		scenario.publish(new BreakGlassUsed(grant, this.patientId, NURSE, "nurse.testcase", "seizure", Instant.now()))
			.andWaitForStateChange(() -> reviews(grant));

		scenario.publish(new BreakGlassReviewed(grant, ADMIN))
			.andWaitForStateChange(() -> this.owner
				.sql("select completed_by from tasks.care_task where source_id = ? and completed_at is not null")
				.param(grant)
				.query(UUID.class)
				.optional())
			.andVerify((completedBy) -> assertThat(completedBy).contains(ADMIN));
	}

	@Test
	void someoneTakenOffTheTeamStopsHoldingTheTaskAndTheTeamsCliniciansGetIt(Scenario scenario) {
		team(member(NURSE, Role.NURSE));
		UUID task = this.tasks.open(new NewTask(this.patientId, TaskPriority.URGENT, "TEST_REVIEW", "Review",
				"a test task", "Test", UUID.randomUUID(), false, null, Set.of(Role.NURSE)));
		assertThat(assignees(task)).containsExactly(NURSE);
		team(member(THERAPIST, Role.THERAPIST));

		scenario.publish(new CareTeamChanged(this.patientId, List.of(NURSE), List.of()))
			.andWaitForStateChange(() -> assignees(task), (ids) -> !ids.contains(NURSE))
			.andVerify((ids) -> assertThat(ids).containsExactly(THERAPIST));
	}

	@Test
	void aTaskLeftWithNoClinicianOnTheTeamGoesToEveryPrescriber(Scenario scenario) {
		team(member(NURSE, Role.NURSE));
		UUID task = this.tasks.open(new NewTask(this.patientId, TaskPriority.ROUTINE, "TEST_REVIEW", "Review",
				"a test task", "Test", UUID.randomUUID(), false, null, Set.of(Role.NURSE)));
		team();

		scenario.publish(new CareTeamChanged(this.patientId, List.of(NURSE), List.of()))
			.andWaitForStateChange(() -> assignees(task), (ids) -> !ids.contains(NURSE))
			.andVerify((ids) -> assertThat(ids).containsExactly(OTHER_PRESCRIBER));
	}

	private void team(CareTeamMember... members) {
		given(this.access.careTeam(any())).willReturn(List.of(members));
	}

	private List<UUID> reviews(UUID grantId) {
		List<UUID> ids = this.owner
			.sql("select id from tasks.care_task where source_id = ? and kind = '" + BreakGlassReviews.KIND + "'")
			.param(grantId)
			.query(UUID.class)
			.list();
		return ids.isEmpty() ? null : ids;
	}

	private List<UUID> assignees(UUID taskId) {
		return this.owner.sql("select user_id from tasks.task_assignee where task_id = ?")
			.param(taskId)
			.query(UUID.class)
			.list();
	}

	private static CareTeamMember member(UUID id, Role role) {
		return new CareTeamMember(id, "Test " + role, Set.of(role), Instant.now());
	}

	private static StaffMember staff(UUID id, Role role) {
		return new StaffMember(id, "test." + role.name().toLowerCase(Locale.ROOT), "Test " + role, Set.of(role), true);
	}

}
