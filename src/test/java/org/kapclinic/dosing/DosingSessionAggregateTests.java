package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.RuleViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The session aggregate's decisions, without a database: each rule at its boundary, with
 * its source. The integration tests ({@link DosingSessionIT}, {@link DosingSafetyIT})
 * check that the services store what these decisions allow.
 */
class DosingSessionAggregateTests {

	private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

	private static final Duration REST = Duration.ofMinutes(10);

	private static final Protocol IV = ProtocolFixtures.iv();

	private static final Protocol ESKETAMINE = ProtocolFixtures.esketamine();

	private static final Protocol IM = ProtocolFixtures.shipped("KAP_IM_KETAMINE");

	@Test
	void anOrderWaitsForTheChecklistAndABaselineReading() {
		SessionDecision decision = session(SessionState.CHECKED_IN)
			.order(new DosingSession.OrderChecks(List.of("NPO_CONFIRMED"), false, false, 30, T0));
		assertThat(decision.allowed()).isFalse();
		assertThat(decision.refusal().rule()).as("409: something must happen first").isFalse();
		assertThat(decision.refusal().items()).containsExactly("NPO_CONFIRMED", "BASELINE_VITALS");
		assertThat(session(SessionState.PRE_DOSE_CHECKS).order(checks(T0)).next()).isEqualTo(SessionState.ORDERED);
	}

	@Test
	void aHeldSessionIsNotOrderedAndTheCeilingNeedsMoreThanAnOverride() {
		DosingSession held = with(session(SessionState.PRE_DOSE_CHECKS), true, "pre-dose 152/88 above", null);
		assertThat(held.order(checks(T0)).refusal().items()).containsExactly("HOLD");
		assertThat(held.order(checks(T0)).refusal().message()).contains("a prescriber overrides");
		DosingSession ceiling = with(session(SessionState.PRE_DOSE_CHECKS), true, "pre-dose 182/100 at the ceiling",
				T0);
		assertThat(ceiling.order(checks(T0)).refusal().message()).doesNotContain("a prescriber overrides");
	}

	/** PHQ-9 item 9 needs same-day assessment (clinical.md 4.1; issue 13). */
	@Test
	void anUnreviewedSuicideRiskFlagBlocksTheOrder() {
		SessionDecision decision = session(SessionState.PRE_DOSE_CHECKS)
			.order(new DosingSession.OrderChecks(List.of(), true, true, 30, T0));
		assertThat(decision.refusal().items()).containsExactly("OPEN_RISK_FLAG");
	}

	/** The weight may be {@code weightValidityDays} old, counting the day of weighing. */
	@Test
	void theWeightMayBeAsOldAsTheProtocolSaysAndNotASecondMore() {
		DosingSession session = session(SessionState.PRE_DOSE_CHECKS);
		Instant lastValid = T0.plus(Duration.ofDays(31));
		assertThat(session.order(checks(lastValid)).allowed()).isTrue();
		SessionDecision stale = session.order(checks(lastValid.plusSeconds(1)));
		assertThat(stale.refusal().rule()).as("422: weigh the patient").isTrue();
		assertThat(stale.refusal().items()).singleElement().asString().startsWith("WEIGHT_STALE");
		assertThatThrownBy(() -> stale.orThrow(session.id())).isInstanceOf(RuleViolationException.class);
	}

	@Test
	void theDoseStartsOnlyOnAVerifiedOrderAndNotWhileHeld() {
		DosingSession ordered = session(SessionState.ORDERED);
		assertThat(ordered.administer(AdministrationKind.START, IV, order(false), false).refusal().items())
			.containsExactly("ORDER_VERIFICATION");
		assertThat(ordered.administer(AdministrationKind.START, IV, order(true), false).next())
			.as("an infusion runs: dosing")
			.isEqualTo(SessionState.DOSING);
		assertThat(ordered.administer(AdministrationKind.START, IM, order(true), false).next())
			.as("an injection is given at once: monitoring")
			.isEqualTo(SessionState.MONITORING);
		assertThat(with(ordered, true, "held", null).administer(AdministrationKind.START, IV, order(true), false)
			.refusal()
			.items()).containsExactly("HOLD");
	}

	@Test
	void theLastNasalDeviceStartsTheObservation() {
		DosingSession dosing = session(SessionState.DOSING);
		assertThat(dosing.administer(AdministrationKind.DEVICE, ESKETAMINE, order(true), false).next())
			.isEqualTo(SessionState.DOSING);
		assertThat(dosing.administer(AdministrationKind.DEVICE, ESKETAMINE, order(true), true).next())
			.isEqualTo(SessionState.MONITORING);
	}

	@Test
	void anAdditionalDoseSendsAPatientReadyToLeaveBackToMonitoring() {
		assertThat(session(SessionState.READY_FOR_DISCHARGE).administer(AdministrationKind.ADDITIONAL, IV, null, false)
			.next()).isEqualTo(SessionState.MONITORING);
		SessionDecision beforeDose = session(SessionState.ORDERED).administer(AdministrationKind.ADDITIONAL, IV, null,
				false);
		assertThat(beforeDose.refusal().properties()).containsEntry("state", "ORDERED");
		assertThatThrownBy(() -> beforeDose.orThrow(UUID.randomUUID())).isInstanceOf(ConflictException.class)
			.hasMessageContaining("dose ordered");
	}

	/** Spravato REMS: at least 2 hours after the last device (clinical.md 2.1). */
	@Test
	void esketamineIsNeverDischargedBeforeTwoHoursAfterTheLastDevice() {
		Instant lastDevice = T0.plus(Duration.ofMinutes(40));
		DosingSession monitoring = withLastDose(session(SessionState.READY_FOR_DISCHARGE), lastDevice);
		SessionDecision early = monitoring.discharge(ESKETAMINE,
				lastDevice.plus(Duration.ofMinutes(120)).minusSeconds(1));
		assertThat(early.refusal().properties()).containsEntry("remainingMinutes", 1L);
		assertThat(monitoring.discharge(ESKETAMINE, lastDevice.plus(Duration.ofMinutes(120))).next())
			.isEqualTo(SessionState.DISCHARGED);
		assertThat(session(SessionState.ORDERED).discharge(ESKETAMINE, lastDevice.plus(Duration.ofHours(5))).allowed())
			.as("not before the dose")
			.isFalse();
	}

	@Test
	void theFirstReadingStartsThePreDoseChecksAndAReadingAtTheCeilingHolds() {
		DosingSession checkedIn = session(SessionState.CHECKED_IN);
		VitalsDecision first = checkedIn.recordVitals(reading(true, 120, 80), IV.hold(), REST);
		assertThat(first.next()).isEqualTo(SessionState.PRE_DOSE_CHECKS);
		assertThat(first.changesSession()).as("stored on the locked row").isTrue();
		VitalsDecision ceiling = session(SessionState.PRE_DOSE_CHECKS).recordVitals(reading(true, 180, 90), IV.hold(),
				REST);
		assertThat(ceiling.hold().outcome()).isEqualTo(PreDoseHold.Outcome.CEILING_HOLD);
		VitalsDecision routine = session(SessionState.PRE_DOSE_CHECKS).recordVitals(reading(true, 120, 80), IV.hold(),
				REST);
		assertThat(routine.changesSession()).as("the fast group-commit path").isFalse();
		VitalsDecision afterDose = session(SessionState.MONITORING).recordVitals(reading(false, 185, 112), IV.hold(),
				REST);
		assertThat(afterDose.hold().outcome()).as("after the dose a reading alerts, it does not hold")
			.isEqualTo(PreDoseHold.Outcome.UNCHANGED);
	}

	@Test
	void aClosedSessionTakesNoMoreReadingsAndCannotEndTwice() {
		DosingSession discharged = session(SessionState.DISCHARGED);
		VitalsDecision reading = discharged.recordVitals(reading(false, 120, 80), IV.hold(), REST);
		assertThatThrownBy(() -> reading.orThrow(discharged.id())).isInstanceOf(ConflictException.class);
		assertThat(discharged.abort().allowed()).isFalse();
		assertThat(session(SessionState.DOSING).abort().next()).isEqualTo(SessionState.ABORTED);
	}

	/** Refusals reach the session page as they are: in words, never a step's code. */
	@Test
	void aStepRefusedInTheWrongStateIsNamedInWords() {
		SessionDecision refused = session(SessionState.MONITORING).administer(AdministrationKind.RATE_CHANGE, IV, null,
				false);
		assertThat(refused.refusal().message()).startsWith("Change infusion rate is not possible")
			.contains("while the session is monitoring", "possible when dosing")
			.doesNotContain("RATE_CHANGE", "MONITORING");
	}

	@Test
	void thePageOffersWhatTheStateAllows() {
		assertThat(session(SessionState.ORDERED).canOrder()).isTrue();
		assertThat(session(SessionState.DOSING).canOrder()).isFalse();
		assertThat(session(SessionState.MONITORING).canDischarge()).isTrue();
		assertThat(session(SessionState.DISCHARGED).canDischarge()).isFalse();
	}

	private static DosingSession.OrderChecks checks(Instant now) {
		return new DosingSession.OrderChecks(List.of(), true, false, 30, now);
	}

	private static DoseOrder order(boolean verified) {
		return new DoseOrder(UUID.randomUUID(), new BigDecimal("40"), new BigDecimal("0.5"), new BigDecimal("80"), 40,
				new BigDecimal("60"), null, T0, UUID.randomUUID(), true, verified ? T0 : null, null, null, null);
	}

	private static Vitals reading(boolean preDose, int systolic, int diastolic) {
		return new Vitals(UUID.randomUUID(), preDose, systolic, diastolic, 80, 98, 14, T0, T0, UUID.randomUUID(),
				false);
	}

	private static DosingSession session(SessionState state) {
		return new DosingSession(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
				"IV_KETAMINE", 2, "IV_INFUSION", Route.IV, state, new BigDecimal("80"), T0, Map.of(), true, List.of(),
				false, null, null, null, null, null, null, null, T0, UUID.randomUUID(), 1, null, null);
	}

	private static DosingSession with(DosingSession s, boolean held, String reason, Instant ceilingAt) {
		return new DosingSession(s.id(), s.patientId(), s.appointmentId(), s.roomId(), s.protocol(),
				s.protocolVersion(), s.program(), s.route(), s.state(), s.weightKg(), s.weightMeasuredAt(),
				s.checklist(), s.checklistComplete(), s.concomitant(), held, reason, null, s.firstDoseAt(),
				s.lastDoseAt(), null, null, null, s.checkedInAt(), s.checkedInBy(), 1, null, ceilingAt);
	}

	private static DosingSession withLastDose(DosingSession s, Instant lastDose) {
		return new DosingSession(s.id(), s.patientId(), s.appointmentId(), s.roomId(), "ESKETAMINE_REMS", 1,
				"ESKETAMINE", Route.IN, s.state(), s.weightKg(), s.weightMeasuredAt(), s.checklist(), true, List.of(),
				false, null, null, T0, lastDose, null, null, null, s.checkedInAt(), s.checkedInBy(), 1, null, null);
	}

}
