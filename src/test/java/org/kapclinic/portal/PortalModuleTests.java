package org.kapclinic.portal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kapclinic.ModuleTestDatabase;
import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.dosing.Route;
import org.kapclinic.dosing.SessionDischarged;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.LoginAttempts;
import org.kapclinic.identity.Passwords;
import org.kapclinic.identity.Role;
import org.kapclinic.identity.UserDirectory;
import org.kapclinic.identity.mfa.OneTimeCodes;
import org.kapclinic.identity.mfa.PasskeyCeremonies;
import org.kapclinic.intake.ConsentWithdrawn;
import org.kapclinic.intake.PortalConsents;
import org.kapclinic.measures.Measures;
import org.kapclinic.notes.Intentions;
import org.kapclinic.notification.Outbox;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.patient.PatientLinks;
import org.kapclinic.patient.Patients;
import org.kapclinic.scheduling.CourseChanged;
import org.kapclinic.scheduling.CoursePrograms;
import org.kapclinic.scheduling.OwnAppointments;
import org.kapclinic.tasks.CareTasks;
import org.kapclinic.tasks.NewTask;
import org.kapclinic.tasks.TaskPriority;
import org.mockito.ArgumentCaptor;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The portal module on its own (issue 15 item 8): what it does with the events of the
 * modules below it. A consent withdrawn in the portal opens the care team's task
 * ({@code PortalGuardianBrowserIT} walks it), a discharged session gives the patient
 * their after-visit instructions ({@code PortalAfterVisitBrowserIT}), and a closed last
 * course ends portal access where the clinic turns that on ({@code CareEndedIT}; turned
 * on here). Each listener runs in the publisher's transaction, so the tests publish and
 * look, without waiting. The other modules are mocks; the tables are the module's own on
 * a real PostgreSQL.
 */
@ApplicationModuleTest(webEnvironment = WebEnvironment.NONE)
@ContextConfiguration(initializers = ModuleTestDatabase.class)
@TestPropertySource(properties = "kap.portal.end-access-when-care-ends=true")
class PortalModuleTests {

	@MockitoBean
	CareTasks tasks;

	@MockitoBean
	CoursePrograms courses;

	@MockitoBean
	AuditTrail audit;

	// The rest only for the module's pages and services to start.
	@MockitoBean
	Patients patients;

	@MockitoBean
	CareTeamAccess access;

	@MockitoBean
	PatientLinks links;

	@MockitoBean
	PortalConsents consents;

	@MockitoBean
	Intentions intentions;

	@MockitoBean
	OwnAppointments appointments;

	@MockitoBean
	Measures measures;

	@MockitoBean
	Outbox outbox;

	@MockitoBean
	CurrentUser currentUser;

	@MockitoBean
	UserDirectory directory;

	@MockitoBean
	LoginAttempts loginAttempts;

	@MockitoBean
	Passwords passwords;

	@MockitoBean
	OneTimeCodes codes;

	@MockitoBean
	PasskeyCeremonies ceremonies;

	/**
	 * The portal's security chain and session cookie in place of the real ones, which
	 * need a servlet web application ({@code HttpSecurity}, Spring Session's cookie):
	 * these tests make no requests.
	 */
	@MockitoBean(name = "portalChain")
	SecurityFilterChain portalChain;

	@MockitoBean(name = "httpSessionIdResolver")
	HttpSessionIdResolver sessionIds;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	/** The module's connection, which sees what its transaction has not committed. */
	private final JdbcClient jdbc;

	private final JdbcClient owner = ModuleTestDatabase.owner();

	PortalModuleTests(ApplicationEventPublisher events, PlatformTransactionManager transactions, JdbcClient jdbc) {
		this.events = events;
		this.transactions = new TransactionTemplate(transactions);
		this.jdbc = jdbc;
	}

	@Test
	void aConsentWithdrawnInThePortalOpensOneUrgentTaskForTheCareTeam() {
		UUID patientId = UUID.randomUUID();
		UUID signatureId = UUID.randomUUID();

		told(new ConsentWithdrawn(patientId, signatureId, "TELEHEALTH", "Telehealth consent",
				"We want to talk it over first (fictional)", true));

		ArgumentCaptor<NewTask> opened = ArgumentCaptor.forClass(NewTask.class);
		verify(this.tasks).open(opened.capture());
		NewTask task = opened.getValue();
		assertThat(task.kind()).isEqualTo(ConsentWithdrawalTasks.KIND);
		assertThat(task.priority()).isEqualTo(TaskPriority.URGENT);
		assertThat(task.patientId()).isEqualTo(patientId);
		assertThat(task.sourceId()).isEqualTo(signatureId);
		assertThat(task.title()).isEqualTo("Consent withdrawn in the portal: Telehealth consent");
		assertThat(task.detail()).contains("We want to talk it over first (fictional)");
		assertThat(task.assigneeRoles()).containsExactlyInAnyOrder(Role.PRESCRIBER, Role.NURSE, Role.THERAPIST);
		assertThat(task.linkPath()).isEqualTo("/patients/" + patientId + "/eligibility");
	}

	@Test
	void aWithdrawalTheCareTeamRecordedThemselvesOpensNoTask() {
		told(new ConsentWithdrawn(UUID.randomUUID(), UUID.randomUUID(), "TELEHEALTH", "Telehealth consent",
				"Recorded by the nurse (fictional)", false));

		verifyNoInteractions(this.tasks);
	}

	@Test
	void aDischargedSessionGivesThePatientItsInstructionsOnceThoughToldTwice() {
		UUID patientId = ModuleTestDatabase.newPatient();
		SessionDischarged discharged = discharged(patientId);

		told(discharged);
		told(discharged);

		assertThat(afterVisits(patientId))
			.containsExactly(discharged.sessionId() + " ESKETAMINE " + discharged.dischargedAt());
	}

	@Test
	void theInstructionsAreWrittenInTheDischargesTransactionAndRolledBackWithIt() {
		UUID patientId = ModuleTestDatabase.newPatient();

		this.transactions.executeWithoutResult((tx) -> {
			this.events.publishEvent(discharged(patientId));
			assertThat(this.jdbc.sql("select count(*) from portal.after_visit where patient_id = ?")
				.param(patientId)
				.query(Integer.class)
				.single()).as("written before the discharge commits").isOne();
			tx.setRollbackOnly();
		});

		assertThat(afterVisits(patientId)).isEmpty();
	}

	@Test
	void closingTheLastCourseRevokesThePatientsAndGuardiansAccountsOnceThoughToldTwice() {
		UUID patientId = ModuleTestDatabase.newPatient();
		UUID own = account(patientId, "PATIENT", "ACTIVE");
		UUID guardian = account(patientId, "GUARDIAN", "INVITED");
		UUID revokedBefore = account(patientId, "GUARDIAN", "REVOKED");
		UUID othersAccount = account(ModuleTestDatabase.newPatient(), "PATIENT", "ACTIVE");
		given(this.courses.inCourse(any())).willReturn(false);

		told(new CourseChanged(patientId, UUID.randomUUID()));
		String ended = state(own);
		told(new CourseChanged(patientId, UUID.randomUUID()));

		assertThat(ended).startsWith("REVOKED " + CareEnded.REASON + " at ");
		assertThat(state(own)).as("told twice: revoked once").isEqualTo(ended);
		assertThat(state(guardian)).startsWith("REVOKED " + CareEnded.REASON + " at ");
		assertThat(state(revokedBefore)).as("revoked before, for its own reason").startsWith("REVOKED by staff at ");
		assertThat(state(othersAccount)).isEqualTo("ACTIVE");
		ArgumentCaptor<AuditEvent> audited = ArgumentCaptor.forClass(AuditEvent.class);
		verify(this.audit, times(2)).record(audited.capture());
		assertThat(audited.getAllValues()).allSatisfy((event) -> {
			assertThat(event.action()).isEqualTo(AuditAction.UPDATE);
			assertThat(event.patientId()).isEqualTo(patientId);
			assertThat(event.detail()).isEqualTo("portal access ended: " + CareEnded.REASON);
		}).extracting(AuditEvent::resourceId).containsExactlyInAnyOrder(own.toString(), guardian.toString());
	}

	@Test
	void aCourseChangeThatLeavesThePatientInCourseKeepsTheirAccess() {
		UUID patientId = ModuleTestDatabase.newPatient();
		UUID own = account(patientId, "PATIENT", "ACTIVE");
		given(this.courses.inCourse(patientId)).willReturn(true);

		told(new CourseChanged(patientId, UUID.randomUUID()));

		assertThat(state(own)).isEqualTo("ACTIVE");
		verifyNoInteractions(this.audit);
	}

	/**
	 * Published in a transaction, as the modules below publish these: the listeners run
	 * in it, so their effect has committed when this returns.
	 */
	private void told(Object event) {
		this.transactions.executeWithoutResult((tx) -> this.events.publishEvent(event));
	}

	private static SessionDischarged discharged(UUID patientId) {
		// Whole seconds: PostgreSQL keeps microseconds, rounding the nanoseconds.
		Instant firstDose = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(3, ChronoUnit.HOURS);
		return new SessionDischarged(patientId, UUID.randomUUID(), null, "ESKETAMINE", Route.IN, new BigDecimal("56"),
				0, UUID.randomUUID(), firstDose, firstDose.plus(2, ChronoUnit.HOURS), null);
	}

	private List<String> afterVisits(UUID patientId) {
		return this.owner.sql("select session_id, program, discharged_at from portal.after_visit where patient_id = ?")
			.param(patientId)
			.query((rs, n) -> rs.getObject(1) + " " + rs.getString(2) + " " + rs.getTimestamp(3).toInstant())
			.list();
	}

	/**
	 * A fictional portal account of the patient's, or of a guardian of theirs: a revoked
	 * one was ended by staff before.
	 */
	private UUID account(UUID patientId, String holder, String status) {
		UUID id = UUID.randomUUID();
		boolean revoked = "REVOKED".equals(status);
		this.owner.sql("""
				insert into portal.account (id, patient_id, email, status, password_hash, invited_at, invited_by,
				    activated_at, revoked_at, revoke_reason, holder, guardian_name, invite_link_id)
				values (?, ?, ?, ?, 'fictional-hash', now(), ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, patientId, "tessa." + id.toString().substring(0, 8) + "@example.test", status,
					UUID.randomUUID(), "ACTIVE".equals(status) ? Timestamp.from(Instant.now()) : null,
					revoked ? Timestamp.from(Instant.now().minus(1, ChronoUnit.DAYS)) : null,
					revoked ? "by staff" : null, holder, "GUARDIAN".equals(holder) ? "Gail Testcase" : null,
					UUID.randomUUID())
			.update();
		return id;
	}

	private String state(UUID accountId) {
		return this.owner.sql("""
				select status || coalesce(' ' || revoke_reason || ' at ' || revoked_at, '')
				from portal.account where id = ?""").param(accountId).query(String.class).single();
	}

}
