package org.kapclinic.patient;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kapclinic.ModuleTestDatabase;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.identity.StepUp;
import org.kapclinic.identity.UserDirectory;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.InvalidInputException;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.BDDMockito.given;

/**
 * The patient module on its own (issue 15 item 8): the events it publishes when a care
 * team changes and when a chart is opened by break-glass (the tasks module's side is
 * {@code TasksModuleTests}), with its tables on a real PostgreSQL. Identity and the audit
 * trail are mocks.
 */
@ApplicationModuleTest(webEnvironment = WebEnvironment.NONE)
@ContextConfiguration(initializers = ModuleTestDatabase.class)
class PatientModuleTests {

	private static final StaffMember PRESCRIBER = staff(Role.PRESCRIBER);

	private static final StaffMember NURSE = staff(Role.NURSE);

	private static final StaffMember THERAPIST = staff(Role.THERAPIST);

	private static final StaffMember OTHER_NURSE = staff(Role.NURSE);

	@MockitoBean
	CurrentUser currentUser;

	@MockitoBean
	StepUp stepUp;

	@MockitoBean
	AuditTrail audit;

	@MockitoBean
	UserDirectory directory;

	private final PatientService patients;

	private final BreakGlass breakGlass;

	private final JdbcClient owner = ModuleTestDatabase.owner();

	PatientModuleTests(PatientService patients, BreakGlass breakGlass) {
		this.patients = patients;
		this.breakGlass = breakGlass;
	}

	@BeforeEach
	void staffOnFile() {
		Map<UUID, StaffMember> all = Map.of(PRESCRIBER.id(), PRESCRIBER, NURSE.id(), NURSE, THERAPIST.id(), THERAPIST,
				OTHER_NURSE.id(), OTHER_NURSE);
		given(this.directory.findAllCurrent(anyCollection())).willAnswer((call) -> {
			Collection<UUID> ids = call.getArgument(0);
			return all.entrySet()
				.stream()
				.filter((e) -> ids.contains(e.getKey()))
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		});
	}

	@Test
	void aNurseWhoRegistersAPatientJoinsTheirCareTeamAndTheChangeIsPublished(AssertablePublishedEvents events) {
		UUID patientId = registerAs(NURSE);

		assertThat(events).contains(CareTeamChanged.class)
			.matching((changed) -> changed.patientId().equals(patientId) && changed.added().equals(List.of(NURSE.id()))
					&& changed.removed().isEmpty());
	}

	@Test
	void replacingTheTeamPublishesWhoLeftAndWhoJoinedAndAnUnchangedTeamNothing(AssertablePublishedEvents events) {
		UUID patientId = registerAs(NURSE);
		signedIn(PRESCRIBER);

		this.patients.replaceCareTeam(patientId, List.of(THERAPIST.id()));
		this.patients.replaceCareTeam(patientId, List.of(THERAPIST.id()));

		assertThat(events.ofType(CareTeamChanged.class).matching((changed) -> changed.patientId().equals(patientId)))
			.extracting(CareTeamChanged::removed, CareTeamChanged::added)
			.containsExactly(tuple(List.of(), List.of(NURSE.id())),
					tuple(List.of(NURSE.id()), List.of(THERAPIST.id())));
	}

	@Test
	void aClinicianOutsideTheTeamBreaksTheGlassAndTheGrantIsPublishedForReview(AssertablePublishedEvents events) {
		UUID patientId = registerAs(NURSE);
		signedIn(OTHER_NURSE);

		BreakGlass.Grant grant = this.breakGlass.open(patientId, "found unresponsive in the waiting room");

		assertThat(events).contains(BreakGlassUsed.class)
			.matching((used) -> used.grantId().equals(grant.id()) && used.patientId().equals(patientId)
					&& used.userId().equals(OTHER_NURSE.id()) && used.expiresAt().equals(grant.expiresAt()));
		assertThat(grants(patientId)).isEqualTo(1);
	}

	@Test
	void aRefusedBreakGlassLeavesNoGrantAndPublishesNothing(AssertablePublishedEvents events) {
		UUID patientId = registerAs(NURSE);

		signedIn(PRESCRIBER);
		assertThatThrownBy(() -> this.breakGlass.open(patientId, "found unresponsive in the waiting room"))
			.isInstanceOf(ConflictException.class);
		signedIn(OTHER_NURSE);
		assertThatThrownBy(() -> this.breakGlass.open(patientId, "emergency"))
			.isInstanceOf(InvalidInputException.class);

		assertThat(events.ofType(BreakGlassUsed.class)).isEmpty();
		assertThat(grants(patientId)).isZero();
	}

	private UUID registerAs(StaffMember user) {
		signedIn(user);
		String family = "Modulecase" + UUID.randomUUID().toString().substring(0, 8);
		PatientDetails details = new PatientDetails("Tessa", family, null, null, LocalDate.of(1990, 1, 1), null, null,
				null, null, null, null, null, null, List.of(), null, null);
		return this.patients.register(details).id();
	}

	private void signedIn(StaffMember user) {
		given(this.currentUser.require()).willReturn(user);
	}

	private int grants(UUID patientId) {
		return this.owner.sql("select count(*) from patient.break_glass where patient_id = ?")
			.param(patientId)
			.query(Integer.class)
			.single();
	}

	private static StaffMember staff(Role role) {
		UUID id = UUID.randomUUID();
		return new StaffMember(id, "test." + role.name().toLowerCase(Locale.ROOT) + "." + id.toString().substring(0, 4),
				"Test " + role, Set.of(role), true);
	}

}
