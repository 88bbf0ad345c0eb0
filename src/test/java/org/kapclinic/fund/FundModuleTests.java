package org.kapclinic.fund;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kapclinic.ModuleTestDatabase;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.fund.FundApplicationRequests.ApplicationRequest;
import org.kapclinic.fund.FundApplicationRequests.DecisionRequest;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.intake.RecordedDiagnoses;
import org.kapclinic.notification.Outbox;
import org.kapclinic.patient.Patients;
import org.kapclinic.reports.CohortChange;
import org.kapclinic.reports.ReportSettings;
import org.kapclinic.scheduling.CoursePrograms;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.NotFoundException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;

/**
 * The fund module on its own (issue 20, issue 15 item 8): what the committee awards is
 * what billing can spend, through {@link FundAwards}, the fund's API: a payment draws
 * from the award and from the fund's balance; more than is left is refused (409
 * {@code INSUFFICIENT_AWARD}) with nothing written; another patient's award does not
 * exist for this one. Identity, audit, scheduling and intake are mocks; the whole path
 * through the pages is {@code AccessFundBrowserIT} and through the API
 * {@code AccessFundIT}.
 */
@ApplicationModuleTest(webEnvironment = WebEnvironment.NONE)
@ContextConfiguration(initializers = ModuleTestDatabase.class)
class FundModuleTests {

	private static final StaffMember FINCH = new StaffMember(UUID.randomUUID(), "module.finch", "Module Finch",
			Set.of(Role.FUND_COMMITTEE, Role.BILLING), true);

	@MockitoBean
	CurrentUser currentUser;

	@MockitoBean
	AuditTrail audit;

	@MockitoBean
	Patients patients;

	@MockitoBean
	CoursePrograms programs;

	@MockitoBean
	RecordedDiagnoses diagnoses;

	@MockitoBean
	Outbox outbox;

	/** The reports module's outcome figures, which the fund's impact page reads. */
	@MockitoBean
	ReportSettings reportSettings;

	@MockitoBean
	CohortChange cohortChange;

	@Autowired
	Donations donations;

	@Autowired
	FundApplications applications;

	@Autowired
	FundAwards awards;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void signInAsTheCommittee() {
		given(this.currentUser.require()).willReturn(FINCH);
		SecurityContextHolder.getContext()
			.setAuthentication(
					new TestingAuthenticationToken(FINCH.username(), null, "ROLE_FUND_COMMITTEE", "ROLE_BILLING"));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void billingSpendsAnAwardUpToWhatIsLeftAndNotAnotherPatients() {
		this.donations.record(new DonationRequest("Orla Oddfellow (fictional)", true, null, 100_000L, "USD",
				"UNRESTRICTED", LocalDate.now(), "CASH"));
		UUID patient = ModuleTestDatabase.newPatient();
		UUID award = awarded(patient, 50_000L);
		assertThat(this.awards.available(patient)).singleElement()
			.satisfies((left) -> assertThat(left.remainingMinor()).isEqualTo(50_000L));

		this.awards.draw(award, patient, 30_000L, "USD", UUID.randomUUID(), List.of());
		assertThat(this.awards.available(patient).get(0).remainingMinor()).isEqualTo(20_000L);

		assertThatThrownBy(() -> this.awards.draw(award, patient, 20_001L, "USD", UUID.randomUUID(), List.of()))
			.isInstanceOfSatisfying(ConflictException.class,
					(ex) -> assertThat(ex.getMessage()).contains("Only $200.00 is left of this award"));
		assertThat(draws(award)).as("the refused payment wrote nothing").isEqualTo(1);

		UUID stranger = ModuleTestDatabase.newPatient();
		assertThatThrownBy(() -> this.awards.draw(award, stranger, 1_000L, "USD", UUID.randomUUID(), List.of()))
			.isInstanceOf(NotFoundException.class);
		this.awards.draw(award, patient, 20_000L, "USD", UUID.randomUUID(), List.of());
		assertThat(this.awards.available(patient)).as("spent").isEmpty();
		assertThat(draws(award)).isEqualTo(2);
	}

	/**
	 * An application for the patient, awarded {@code amountMinor} unrestricted; its id.
	 */
	private UUID awarded(UUID patient, long amountMinor) {
		given(this.patients.names(List.of(patient)))
			.willReturn(Map.of(patient, new Patients.PatientName(ModuleTestDatabase.mrn(patient), "Tessa Testcase")));
		FundApplication applied = this.applications
			.apply(new ApplicationRequest(patient, 2, 1_500_000L, "USD", "Fictional need statement"));
		this.applications.decide(applied.id(),
				new DecisionRequest("AWARDED", amountMinor, "UNRESTRICTED", "Fictional committee reason", null, null));
		return applied.id();
	}

	private int draws(UUID award) {
		return this.jdbc.sql("select count(*) from fund.award_draw where application_id = ?")
			.param(award)
			.query(Integer.class)
			.single();
	}

}
