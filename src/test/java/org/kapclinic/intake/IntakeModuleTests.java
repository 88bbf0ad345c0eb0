package org.kapclinic.intake;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kapclinic.ModuleTestDatabase;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.identity.StepUp;
import org.kapclinic.intake.ConsentSignature.SignerRole;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.patient.Guardian;
import org.kapclinic.patient.PatientLinks;
import org.kapclinic.patient.PatientSummary;
import org.kapclinic.patient.Patients;
import org.kapclinic.patient.SexAtBirth;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.RuleViolationException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;

/**
 * The intake module on its own (issue 15 item 8), through the API the scheduling module
 * books against ({@link Eligibility#status}) and the event the portal turns into a task
 * ({@link ConsentWithdrawn}): an adult's consent to the program is theirs to sign, and a
 * withdrawal (with its reason, once) takes it away again and is published; a minor needs
 * a guardian on file to consent and their own assent (reference/clinical.md, minors). The
 * patient, audit and identity modules are mocks; the paths through the API and pages are
 * {@code IntakeFlowIT}, {@code ConsentByLinkBrowserIT} and
 * {@code PortalGuardianBrowserIT}.
 */
@ApplicationModuleTest(webEnvironment = WebEnvironment.NONE)
@ContextConfiguration(initializers = ModuleTestDatabase.class)
class IntakeModuleTests {

	private static final StaffMember PRESCRIBER = new StaffMember(UUID.randomUUID(), "module.quill", "Module Quill",
			Set.of(Role.PRESCRIBER), true);

	@MockitoBean
	CareTeamAccess access;

	@MockitoBean
	Patients patients;

	@MockitoBean
	PatientLinks links;

	@MockitoBean
	AuditTrail audit;

	@MockitoBean
	CurrentUser currentUser;

	@MockitoBean
	StepUp stepUp;

	@Autowired
	ConsentService consents;

	@Autowired
	ConsentDocuments documents;

	@Autowired
	Eligibility eligibility;

	@Test
	void anAdultsWithdrawalTakesTheConsentAwayAndIsPublishedOnce(AssertablePublishedEvents events) {
		UUID patient = patient(LocalDate.of(1988, 3, 4), false);
		assertThat(missing(patient)).contains("CONSENT");
		ConsentSignature signed = this.consents.sign(patient, "KAP_TREATMENT", version("KAP_TREATMENT"),
				"Tessa Testcase", SignerRole.PATIENT, Map.of());
		assertThat(missing(patient)).doesNotContain("CONSENT");

		assertThatThrownBy(() -> this.consents.withdraw(signed.id(), " ")).isInstanceOf(InvalidInputException.class);
		assertThat(events.ofType(ConsentWithdrawn.class)).as("no reason, no withdrawal").isEmpty();

		this.consents.withdraw(signed.id(), "Changed my mind (fictional)");
		assertThat(events).contains(ConsentWithdrawn.class)
			.matching(ConsentWithdrawn::signatureId, signed.id())
			.matching(ConsentWithdrawn::document, "KAP_TREATMENT")
			.matching(ConsentWithdrawn::inPortal, false);
		assertThat(missing(patient)).as("the program may not book a dose again").contains("CONSENT");
		assertThatThrownBy(() -> this.consents.withdraw(signed.id(), "Again")).isInstanceOfSatisfying(
				RuleViolationException.class, (ex) -> assertThat(ex.reasons()).containsExactly("ALREADY_WITHDRAWN"));
		assertThat(events.ofType(ConsentWithdrawn.class)).hasSize(1);
	}

	@Test
	void aMinorNeedsAGuardianOnFileToConsentAndTheirOwnAssent() {
		UUID patient = patient(LocalDate.now().minusYears(16), true);
		given(this.patients.guardians(patient))
			.willReturn(List.of(new Guardian("Gale Testcase", "Parent", null, "gale@example.test")));
		assertThat(missing(patient)).contains("GUARDIAN_CONSENT", "ASSENT");

		assertThatThrownBy(() -> this.consents.sign(patient, "KAP_TREATMENT", version("KAP_TREATMENT"),
				"Tessa Testcase", SignerRole.PATIENT, Map.of()))
			.isInstanceOfSatisfying(RuleViolationException.class,
					(ex) -> assertThat(ex.reasons()).containsExactly("GUARDIAN_CONSENT"));
		assertThatThrownBy(() -> this.consents.sign(patient, "KAP_TREATMENT", version("KAP_TREATMENT"), "Someone Else",
				SignerRole.GUARDIAN, Map.of()))
			.as("a guardian signs with the name on file")
			.isInstanceOf(InvalidInputException.class);

		this.consents.sign(patient, "KAP_TREATMENT", version("KAP_TREATMENT"), "gale testcase", SignerRole.GUARDIAN,
				Map.of());
		assertThat(missing(patient)).doesNotContain("GUARDIAN_CONSENT").contains("ASSENT");
		this.consents.sign(patient, "ASSENT_MINOR", version("ASSENT_MINOR"), "Tessa Testcase", SignerRole.PATIENT,
				Map.of());
		assertThat(this.eligibility.status(patient, Program.KAP).consented()).isTrue();
	}

	private UUID patient(LocalDate born, boolean minor) {
		UUID id = ModuleTestDatabase.newPatient();
		given(this.access.requireClinical(id)).willReturn(PRESCRIBER);
		int age = java.time.Period.between(born, LocalDate.now()).getYears();
		given(this.patients.summary(id)).willReturn(Optional.of(new PatientSummary(id, ModuleTestDatabase.mrn(id),
				"Tessa Testcase", born, age, minor, SexAtBirth.FEMALE)));
		return id;
	}

	private List<String> missing(UUID patient) {
		return this.eligibility.status(patient, Program.KAP).missing();
	}

	private int version(String document) {
		return this.documents.latest(document).orElseThrow().version();
	}

}
