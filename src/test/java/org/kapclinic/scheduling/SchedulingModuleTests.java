package org.kapclinic.scheduling;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kapclinic.ModuleTestDatabase;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.identity.AccessEnded;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.identity.UserDirectory;
import org.kapclinic.intake.Eligibility;
import org.kapclinic.notification.Outbox;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.patient.Patients;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.BDDMockito.given;

/**
 * The scheduling module on its own (issue 15 item 8): a staff member's calendar feed (a
 * secret address read by calendar apps outside the clinic) and what identity's
 * {@link AccessEnded} does to it, with the module's tables on a real PostgreSQL. The
 * modules it depends on are mocks.
 */
@ApplicationModuleTest(webEnvironment = WebEnvironment.NONE)
@ContextConfiguration(initializers = ModuleTestDatabase.class)
class SchedulingModuleTests {

	@MockitoBean
	Patients patients;

	@MockitoBean
	UserDirectory directory;

	@MockitoBean
	CareTeamAccess access;

	@MockitoBean
	CurrentUser currentUser;

	@MockitoBean
	AuditTrail audit;

	@MockitoBean
	Eligibility eligibility;

	@MockitoBean
	Outbox outbox;

	private final CalendarFeeds feeds;

	SchedulingModuleTests(CalendarFeeds feeds) {
		this.feeds = feeds;
	}

	@Test
	void aFeedTitlesEachAppointmentWithItsTypeInWordsAndTheMrnNeverTheName() {
		StaffMember nurse = signedIn();
		UUID patientId = ModuleTestDatabase.newPatient();
		bookTelehealth(patientId, nurse.id(), "INTEGRATION");
		given(this.patients.names(anyCollection())).willReturn(
				Map.of(patientId, new Patients.PatientName(ModuleTestDatabase.mrn(patientId), "Tessa Testcase")));

		String calendar = this.feeds.feed(this.feeds.renew()).orElseThrow().replace("\r\n ", "");

		assertThat(calendar).contains("SUMMARY:Integration · " + ModuleTestDatabase.mrn(patientId))
			.contains("LOCATION:Telehealth")
			.doesNotContain("INTEGRATION")
			.doesNotContain("Testcase");
	}

	@Test
	void deactivationAndPasswordChangesEndTheFeedAndARoleChangeDoesNot(Scenario scenario) {
		StaffMember nurse = signedIn();
		String token = this.feeds.renew();

		scenario.publish(new AccessEnded(nurse.id(), AccessEnded.Reason.ROLES_CHANGED))
			.andWaitForStateChange(() -> this.feeds.feed(token))
			.andVerify((feed) -> assertThat(feed).as("roles changed: the address still works").isPresent());
		scenario.publish(new AccessEnded(nurse.id(), AccessEnded.Reason.DEACTIVATED))
			.andWaitForStateChange(() -> this.feeds.feed(token).isEmpty())
			.andVerify((gone) -> assertThat(gone).isTrue());

		String renewed = this.feeds.renew();
		scenario.publish(new AccessEnded(nurse.id(), AccessEnded.Reason.OWN_PASSWORD_CHANGED))
			.andWaitForStateChange(() -> this.feeds.feed(renewed).isEmpty())
			.andVerify((gone) -> assertThat(gone).isTrue());
	}

	private StaffMember signedIn() {
		UUID id = UUID.randomUUID();
		StaffMember nurse = new StaffMember(id, "test.nurse." + id.toString().substring(0, 4), "Test Nurse",
				Set.of(Role.NURSE), true);
		given(this.currentUser.require()).willReturn(nurse);
		return nurse;
	}

	private static void bookTelehealth(UUID patientId, UUID staffId, String type) {
		UUID id = UUID.randomUUID();
		Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		ModuleTestDatabase.owner()
			.sql("""
					insert into scheduling.appointment (id, patient_id, type, start_at, end_at, telehealth_link, status,
					    created_at)
					values (?, ?, ?, ?, ?, 'https://telehealth.example.test/room', 'BOOKED', now())""")
			.params(id, patientId, type, Timestamp.from(start), Timestamp.from(start.plus(1, ChronoUnit.HOURS)))
			.update();
		ModuleTestDatabase.owner()
			.sql("insert into scheduling.appointment_staff (appointment_id, user_id) values (?, ?)")
			.params(id, staffId)
			.update();
	}

}
