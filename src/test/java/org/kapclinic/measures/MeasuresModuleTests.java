package org.kapclinic.measures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kapclinic.ModuleTestDatabase;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.notification.Outbox;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.patient.PatientLinks;
import org.kapclinic.patient.PatientSummary;
import org.kapclinic.patient.Patients;
import org.kapclinic.patient.SexAtBirth;
import org.kapclinic.tasks.CareTasks;
import org.kapclinic.tasks.NewTask;
import org.kapclinic.tasks.TaskPriority;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The measures module on its own (issue 15 item 8): a PHQ-9 recorded through its API is
 * scored as its manual says (sum of nine items, 0–27; 10–14 moderate: Kroenke et al.
 * 2001, reference/clinical.md), and a complete score is published as
 * {@link ScoreRecorded} for the outcomes read model; an incomplete one is kept but not
 * published. Any answer above 0 on item 9 raises the suicide-risk flag and one urgent,
 * same-day review task for the care team's prescriber and therapist (clinical.md 4.1).
 * The patient, audit and tasks modules are mocks; the paths through the API and pages are
 * {@code MeasurementsIT}, {@code RiskFlagReviewsIT} and {@code MeasuresSafetyBrowserIT}.
 */
@ApplicationModuleTest(webEnvironment = WebEnvironment.NONE)
@ContextConfiguration(initializers = ModuleTestDatabase.class)
class MeasuresModuleTests {

	private static final StaffMember PRESCRIBER = new StaffMember(UUID.randomUUID(), "module.quill", "Module Quill",
			Set.of(Role.PRESCRIBER), true);

	@MockitoBean
	CareTeamAccess access;

	@MockitoBean
	Patients patients;

	@MockitoBean
	AuditTrail audit;

	@MockitoBean
	CareTasks tasks;

	@MockitoBean
	CurrentUser currentUser;

	@MockitoBean
	PatientLinks links;

	@MockitoBean
	Outbox outbox;

	@Autowired
	MeasurementService measures;

	@Autowired
	JdbcClient jdbc;

	private UUID patient;

	@BeforeEach
	void aPatientOnTheCareTeam() {
		this.patient = ModuleTestDatabase.newPatient();
		given(this.access.requireClinical(this.patient)).willReturn(PRESCRIBER);
		given(this.patients.summary(this.patient))
			.willReturn(Optional.of(new PatientSummary(this.patient, ModuleTestDatabase.mrn(this.patient),
					"Tessa Testcase", LocalDate.of(1990, 1, 1), 36, false, SexAtBirth.FEMALE)));
	}

	@Test
	void aCompletePhq9IsScoredByItsManualAndPublished(AssertablePublishedEvents events) {
		Measurement measurement = record(2, 2, 2, 2, 2, 2, 1, 1, 0);

		assertThat(measurement.total()).isEqualByComparingTo("14");
		assertThat(measurement.severity()).as("10–14").isEqualTo("moderate");
		assertThat(measurement.flags()).isEmpty();
		assertThat(events).contains(ScoreRecorded.class)
			.matching(ScoreRecorded::patientId, this.patient)
			.matching(ScoreRecorded::instrument, "PHQ-9");
		assertThat(record(2, 2, 2, 2, 2, 2, 2, 1, 0).severity()).as("15 is the next band")
			.isEqualTo("moderately-severe");
		verify(this.tasks, never()).open(any());
	}

	@Test
	void anIncompletePhq9IsKeptButNotPublished(AssertablePublishedEvents events) {
		Measurement measurement = record(2, 2, 2, 2, 2, 2, 1, 1, null);

		assertThat(measurement.complete()).isFalse();
		assertThat(this.jdbc.sql("select count(*) from measures.measurement where patient_id = ?")
			.param(this.patient)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(events.ofType(ScoreRecorded.class)).isEmpty();
	}

	@Test
	void anyAnswerAboveZeroOnItemNineOpensOneSameDayReviewForTheCareTeam() {
		record(0, 0, 0, 0, 0, 0, 0, 0, 1);
		record(0, 0, 0, 0, 0, 0, 0, 0, 2);

		assertThat(this.jdbc
			.sql("select count(*) from measures.risk_flag where patient_id = ? and code = 'suicide-risk'"
					+ " and closed_at is null")
			.param(this.patient)
			.query(Integer.class)
			.single()).as("one open flag, raised twice").isEqualTo(1);
		ArgumentCaptor<NewTask> task = ArgumentCaptor.forClass(NewTask.class);
		verify(this.tasks).open(task.capture());
		assertThat(task.getValue().priority()).isEqualTo(TaskPriority.URGENT);
		assertThat(task.getValue().patientId()).isEqualTo(this.patient);
		assertThat(task.getValue().title()).startsWith("Same-day suicide-risk review");
	}

	/**
	 * The nine scored items; the tenth, how difficult the problems made life, is not
	 * scored.
	 */
	private Measurement record(Integer... answers) {
		List<Integer> list = new ArrayList<>(Arrays.asList(answers));
		list.add(1);
		return this.measures.record(this.patient, new MeasurementRequest("PHQ-9", list, null, null, null, null));
	}

}
