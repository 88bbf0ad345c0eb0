package org.kapclinic.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kapclinic.ModuleTestDatabase;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditOutcome;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.Role;
import org.kapclinic.identity.SecondPersons;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.identity.StepUp;
import org.kapclinic.notification.Outbox;
import org.kapclinic.notification.OutgoingMail;
import org.kapclinic.shared.RuleViolationException;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The ledger module on its own (issue 15 item 8): its public API {@link Ledger#draw}, as
 * the dosing module calls it, draws from a lot under a nurse and never overdraws it; a
 * count that does not match the balance publishes {@link DiscrepancyFound}, which the
 * module turns into a mail to the clinic's contact in the count's transaction (21 CFR
 * 1301.76(b): a loss is reported within one business day). Identity, audit and the outbox
 * are mocks; the paths through the API and the pages are {@code LedgerIT} and
 * {@code LedgerPagesIT}.
 */
@ApplicationModuleTest(webEnvironment = WebEnvironment.NONE)
@ContextConfiguration(initializers = ModuleTestDatabase.class)
@TestPropertySource(properties = "kap.ledger.discrepancy-contact=" + LedgerModuleTests.CONTACT)
class LedgerModuleTests {

	static final String CONTACT = "ledger-alerts@clinic.example.test";

	private static final StaffMember NURSE = new StaffMember(UUID.randomUUID(), "test.nurse", "Test Nurse",
			Set.of(Role.NURSE), true);

	@MockitoBean
	CurrentUser currentUser;

	@MockitoBean
	AuditTrail audit;

	@MockitoBean
	StepUp stepUp;

	@MockitoBean
	SecondPersons secondPersons;

	@MockitoBean
	Outbox outbox;

	@Autowired
	Ledger ledger;

	@Autowired
	StockKeeping stock;

	@Autowired
	Counts counts;

	@Test
	void aNurseDrawsFromALotAndAnOverdrawIsRefusedAndAudited() {
		given(this.currentUser.require()).willReturn(NURSE);
		UUID lot = receive("500");
		UUID patient = ModuleTestDatabase.newPatient();

		LedgerDraw draw = this.ledger.draw(lot, new BigDecimal("100"), UUID.randomUUID(), patient, Instant.now());
		assertThat(draw.balanceAfterMg()).isEqualByComparingTo("400");

		assertThatThrownBy(
				() -> this.ledger.draw(lot, new BigDecimal("450"), UUID.randomUUID(), patient, Instant.now()))
			.isInstanceOfSatisfying(RuleViolationException.class,
					(ex) -> assertThat(ex.reasons()).containsExactly("INSUFFICIENT_BALANCE"));
		assertThat(this.ledger.lot(lot).balanceMg()).as("the refused draw took nothing").isEqualByComparingTo("400");
		verify(this.audit).recordIndependently(argThat((AuditEvent event) -> event.outcome() == AuditOutcome.FAILURE
				&& event.detail().contains("INSUFFICIENT_BALANCE")));
	}

	@Test
	void aTherapistDrawsNothing() {
		given(this.currentUser.require()).willReturn(NURSE);
		UUID lot = receive("200");
		given(this.currentUser.require()).willReturn(
				new StaffMember(UUID.randomUUID(), "test.therapist", "Test Therapist", Set.of(Role.THERAPIST), true));
		assertThatThrownBy(() -> this.ledger.draw(lot, BigDecimal.TEN, UUID.randomUUID(),
				ModuleTestDatabase.newPatient(), Instant.now()))
			.isInstanceOf(AccessDeniedException.class);
		given(this.currentUser.require()).willReturn(NURSE);
		assertThat(this.ledger.lot(lot).balanceMg()).isEqualByComparingTo("200");
	}

	@Test
	void aCountThatDoesNotMatchMailsTheContactAndAMatchingOneDoesNot() {
		given(this.currentUser.require()).willReturn(NURSE);
		UUID lot = receive("300");

		CountResult matched = this.counts.count(new CountRequest(lot, new BigDecimal("300"), null, null));
		assertThat(matched.discrepancyId()).isNull();
		verify(this.outbox, never()).enqueue(any());

		CountResult short100 = this.counts.count(new CountRequest(lot, new BigDecimal("200"), null, null));
		assertThat(short100.discrepancyId()).isNotNull();
		ArgumentCaptor<OutgoingMail> mail = ArgumentCaptor.forClass(OutgoingMail.class);
		verify(this.outbox).enqueue(mail.capture());
		assertThat(mail.getValue().to()).isEqualTo(CONTACT);
		assertThat(mail.getValue().dedupeKey()).isEqualTo("ledger-discrepancy:" + short100.discrepancyId());
		assertThat(mail.getValue().text()).contains("Expected: 300 mg", "Counted:  200 mg", "21 CFR 1301.76(b)")
			.doesNotContain("Tessa", "Testcase");
	}

	/** A new lot of ketamine with {@code mg} received; its id. */
	private UUID receive(String mg) {
		String lotNumber = "MT-" + UUID.randomUUID().toString().substring(0, 8);
		return this.stock
			.receive(new ReceiptRequest("KETAMINE", "0143-9508-10", lotNumber, LocalDate.now().plusYears(1),
					new BigDecimal(mg), new BigDecimal("50"), null, null), NURSE)
			.lotId();
	}

}
