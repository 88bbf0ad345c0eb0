package org.kapclinic.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kapclinic.ModuleTestDatabase;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.dosing.Route;
import org.kapclinic.dosing.SessionDischarged;
import org.kapclinic.fund.FundAwards;
import org.kapclinic.fund.HouseholdPoverty;
import org.kapclinic.identity.ClinicianNpis;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.identity.UserDirectory;
import org.kapclinic.intake.RecordedDiagnoses;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.patient.Patients;
import org.kapclinic.scheduling.Appointments;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

/**
 * The billing module on its own (issue 15 item 8): a discharged dosing session, told by
 * the dosing module after its transaction commits, becomes proposed charges from the fee
 * schedule in force, asynchronously and once. The other modules are mocks; the whole path
 * through the pages is {@code BillingIT} and {@code BillingBrowserIT}.
 */
@ApplicationModuleTest(webEnvironment = WebEnvironment.NONE)
@ContextConfiguration(initializers = ModuleTestDatabase.class)
class BillingModuleTests {

	private static final StaffMember ADMIN = new StaffMember(UUID.randomUUID(), "test.admin", "Test Admin",
			Set.of(Role.ADMIN), true);

	@MockitoBean
	Patients patients;

	@MockitoBean
	AuditTrail audit;

	@MockitoBean
	FundAwards awards;

	@MockitoBean
	RecordedDiagnoses diagnoses;

	@MockitoBean
	Appointments appointments;

	@MockitoBean
	CurrentUser currentUser;

	@MockitoBean
	CareTeamAccess access;

	@MockitoBean
	HouseholdPoverty poverty;

	@MockitoBean
	UserDirectory directory;

	@MockitoBean
	ClinicianNpis npis;

	private final FeeSchedules schedules;

	private final JdbcClient owner = ModuleTestDatabase.owner();

	BillingModuleTests(FeeSchedules schedules) {
		this.schedules = schedules;
	}

	@BeforeEach
	void aFeeScheduleInForce() {
		given(this.currentUser.require()).willReturn(ADMIN);
		given(this.diagnoses.all(any())).willReturn(List.of("F33.2"));
		if (this.schedules.inForce(LocalDate.now()).isEmpty()) {
			this.schedules.publish(new FeeScheduleRequest(LocalDate.now().minusDays(1), "USD",
					"Module test schedule (fictional prices)",
					List.of(line("CPT", "96365", 30_000, UnitsRule.INFUSION_FIRST_HOUR),
							line("CPT", "96366", 12_000, UnitsRule.INFUSION_ADDITIONAL_HOUR),
							line("HCPCS", "J3490", 4_000, UnitsRule.PER_SERVICE))));
		}
	}

	@Test
	void aDischargedInfusionIsProposedFromTheScheduleInForceOnceThoughToldTwice(Scenario scenario) {
		// 100 minutes of infusion: the first hour, and 40 more minutes count as an added
		// hour (over 30 minutes, CMS's time rule for add-on infusion codes).
		SessionDischarged discharged = infusion(Instant.now().minus(3, ChronoUnit.HOURS), 100);

		scenario.publish(discharged)
			.andWaitForStateChange(() -> charges(discharged.sessionId()), (lines) -> lines.size() == 3)
			.andVerify((lines) -> assertThat(lines).containsExactlyInAnyOrder("96365 x1 F33.2 PROPOSED",
					"96366 x1 F33.2 PROPOSED", "J3490 x1 F33.2 PROPOSED"));
		scenario.publish(discharged)
			.andWaitForStateChange(() -> ModuleTestDatabase.eventsHandled(discharged.sessionId()))
			.andVerify((done) -> assertThat(charges(discharged.sessionId())).hasSize(3));
	}

	@Test
	void aSessionOnADayWithoutAScheduleInForceProposesNothing(Scenario scenario) {
		SessionDischarged discharged = infusion(Instant.now().minus(3650, ChronoUnit.DAYS), 100);

		scenario.publish(discharged)
			.andWaitForStateChange(() -> ModuleTestDatabase.eventsHandled(discharged.sessionId()))
			.andVerify((done) -> assertThat(charges(discharged.sessionId())).isEmpty());
	}

	private static SessionDischarged infusion(Instant firstDose, long minutes) {
		return new SessionDischarged(UUID.randomUUID(), UUID.randomUUID(), null, "ADJUNCTIVE", Route.IV,
				new BigDecimal("35"), minutes, UUID.randomUUID(), firstDose,
				firstDose.plus(minutes + 40, ChronoUnit.MINUTES), null);
	}

	private List<String> charges(UUID sessionId) {
		return this.owner.sql("""
				select code || ' x' || units || ' ' || array_to_string(diagnoses, ',') || ' ' || status
				from billing.charge where source_id = ?""").param(sessionId).query(String.class).list();
	}

	private static FeeLine line(String system, String code, long price, UnitsRule rule) {
		return new FeeLine(system, code, List.of(), code + " (module test)", price, rule, List.of("DOSING:IV"), null,
				null);
	}

}
