package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kapclinic.dosing.Protocol.HoldThresholds;
import org.kapclinic.dosing.SessionDecision.Refusal;

/**
 * The dosing session aggregate: who, which appointment and protocol version, the weight
 * the dose is computed from, the checklist, hold, closure and the state, and the rules
 * that say which step may happen next. Each guarded step ({@link #recordVitals},
 * {@link #order}, {@link #administer}, {@link #markReady}, {@link #discharge},
 * {@link #abort}) returns a {@link SessionDecision} without touching the database: the
 * services ({@link DosingSessions}, {@link Monitoring}) gather what the rule needs, ask,
 * and store what the answer allows. The flat components are the API's JSON; the rules
 * read the hold and the weight as value types ({@link #hold()}, {@link #weightUsed()}).
 *
 * @param lastDoseAt the end of the last dose (infusion stop, last device, last additional
 * dose): the minimum observation runs from here
 * @param readyAt when the patient met the discharge criteria (the REMS form asks when
 * they would have been ready to leave without the 2-hour rule)
 * @param courseId the course of the session's appointment, if any
 * @param ceilingHeldAt set while the session is held by a pre-dose reading at or above
 * the absolute ceiling: the time of that reading
 */
public record DosingSession(UUID id, UUID patientId, UUID appointmentId, UUID roomId, String protocol,
		int protocolVersion, String program, Route route, SessionState state, BigDecimal weightKg,
		Instant weightMeasuredAt, Map<String, Boolean> checklist, boolean checklistComplete, List<String> concomitant,
		boolean held, String holdReason, String holdOverrideReason, Instant firstDoseAt, Instant lastDoseAt,
		Instant readyAt, Instant closedAt, String closeReason, Instant checkedInAt, UUID checkedInBy, int version,
		UUID courseId, Instant ceilingHeldAt) {

	/**
	 * Held by a reading at or above the ceiling: only a co-signed override releases it.
	 */
	public boolean heldAtCeiling() {
		return hold().atCeiling();
	}

	// --- the session's parts --------------------------------------------------------

	/**
	 * The pre-dose hold: set by a reading above the hold thresholds, at the ceiling
	 * ({@code ceilingHeldAt}) only a co-signed override or a recheck after rest releases
	 * it.
	 */
	public record Hold(boolean held, String reason, String overrideReason, Instant ceilingHeldAt) {

		public boolean atCeiling() {
			return this.held && this.ceilingHeldAt != null;
		}

	}

	/** The weight the dose is computed from and when it was measured. */
	public record WeightUsed(BigDecimal kg, Instant measuredAt) {

		/** Older than the protocol accepts: the day of weighing plus {@code days}. */
		public boolean staleAt(Instant now, int days) {
			return this.measuredAt.plus(Duration.ofDays(days + 1L)).isBefore(now);
		}

	}

	public Hold hold() {
		return new Hold(this.held, this.holdReason, this.holdOverrideReason, this.ceilingHeldAt);
	}

	public WeightUsed weightUsed() {
		return new WeightUsed(this.weightKg, this.weightMeasuredAt);
	}

	// --- what the page offers -------------------------------------------------------

	/**
	 * The order form is offered: before the dose an order may be written or rewritten;
	 * the order itself still needs the checklist, a baseline and no hold
	 * ({@link #order}).
	 */
	public boolean canOrder() {
		return this.state.canOrder();
	}

	/**
	 * The discharge form is offered: after the dose, until the patient leaves; the
	 * minimum observation is checked when it is sent ({@link #discharge}).
	 */
	public boolean canDischarge() {
		return this.state.dischargeable();
	}

	/** The session has ended (discharged, or ended early). */
	public boolean ended() {
		return this.state.closed();
	}

	/** The session ended early (before discharge criteria were met). */
	public boolean endedEarly() {
		return this.state == SessionState.ABORTED;
	}

	/** What staff read for the session's state. */
	public String stateLabel() {
		return this.state.label();
	}

	// --- guarded steps --------------------------------------------------------------

	/**
	 * A reading on this session: refused once the session is closed. Before the dose it
	 * may set, keep or release the hold (thresholds 140/90, ceiling 180/110 with a rest
	 * before a recheck counts: {@link PreDoseHold}), and the first reading after check-in
	 * starts the pre-dose checks.
	 */
	VitalsDecision recordVitals(Vitals reading, HoldThresholds thresholds, Duration rest) {
		SessionDecision open = requireOpen();
		if (!open.allowed()) {
			return new VitalsDecision(open.refusal(), PreDoseHold.Decision.UNCHANGED, this.state, false);
		}
		boolean beforeDose = reading.preDose() && !this.state.doseGiven();
		if (!beforeDose) {
			return new VitalsDecision(null, PreDoseHold.Decision.UNCHANGED, this.state, false);
		}
		PreDoseHold.Decision hold = PreDoseHold.decide(thresholds, rest, hold(), reading);
		SessionState next = (this.state == SessionState.CHECKED_IN) ? SessionState.PRE_DOSE_CHECKS : this.state;
		return new VitalsDecision(null, hold, next, hold.changesSession() || next != this.state);
	}

	/**
	 * What an order needs, gathered by the service.
	 *
	 * @param openChecklistItems the protocol's items that apply to the patient and are
	 * not confirmed
	 * @param baselineRecorded a pre-dose reading exists
	 * @param riskFlagUnreviewed an open suicide-risk flag has no review today (PHQ-9 item
	 * 9 needs same-day assessment, clinical.md 4.1)
	 * @param weightValidityDays how old the weight may be (adults and minors differ)
	 */
	record OrderChecks(List<String> openChecklistItems, boolean baselineRecorded, boolean riskFlagUnreviewed,
			int weightValidityDays, Instant now) {
	}

	/**
	 * An order (or a replacement order): the checklist and a baseline first (409 with the
	 * open items), then no hold, a reviewed risk flag, and a weight the protocol still
	 * accepts (422).
	 */
	SessionDecision order(OrderChecks checks) {
		if (this.state.beforeOrder()) {
			List<String> open = new ArrayList<>(checks.openChecklistItems());
			if (!checks.baselineRecorded()) {
				open.add("BASELINE_VITALS");
			}
			if (!open.isEmpty()) {
				return SessionDecision
					.refused(Refusal.notNow("The pre-dose checks are not complete: " + String.join(", ", open), open));
			}
		}
		SessionDecision state = SessionDecision.requireState(this.state, "An order", SessionState.PRE_DOSE_CHECKS,
				SessionState.ORDERED);
		if (!state.allowed()) {
			return state;
		}
		if (this.held) {
			return SessionDecision.refused(Refusal.notNow(
					"HELD: " + this.holdReason + (heldAtCeiling() ? ""
							: "; recheck the vitals after rest, or a prescriber overrides the hold with a reason"),
					List.of("HOLD")));
		}
		if (checks.riskFlagUnreviewed()) {
			return SessionDecision.refused(Refusal.notNow(
					"OPEN_RISK_FLAG: the patient has an open suicide-risk flag with no review today; a clinician records a same-day review (or closes the flag with an assessment and plan) before the order",
					List.of("OPEN_RISK_FLAG")));
		}
		if (weightUsed().staleAt(checks.now(), checks.weightValidityDays())) {
			return SessionDecision.refused(staleWeight(checks.weightValidityDays()));
		}
		return SessionDecision.to(SessionState.ORDERED);
	}

	/** 422: the weight the dose would be computed from is too old. */
	Refusal staleWeight(int days) {
		return Refusal.rule("The weight is out of date", List.of("WEIGHT_STALE: the weight from "
				+ this.weightMeasuredAt + " is older than " + days + " days; weigh the patient"));
	}

	/**
	 * A step in giving the drug: the states it is allowed in, the verified order and no
	 * hold before the first drug goes in, and the state it leads to.
	 * @param order the current order (null before one)
	 * @param completesOrder for a nasal device: it is the last device the order asks for
	 */
	SessionDecision administer(AdministrationKind kind, Protocol protocol, DoseOrder order, boolean completesOrder) {
		return switch (kind) {
			case START -> {
				SessionDecision state = SessionDecision.requireState(this.state, AdministrationKind.START.label(),
						SessionState.ORDERED);
				yield state.allowed()
						? verifiedOrder(order, protocol.infusion() ? SessionState.DOSING : SessionState.MONITORING)
						: state;
			}
			case DEVICE -> {
				SessionDecision state = SessionDecision.requireState(this.state, "A device", SessionState.ORDERED,
						SessionState.DOSING);
				yield state.allowed()
						? verifiedOrder(order, completesOrder ? SessionState.MONITORING : SessionState.DOSING) : state;
			}
			case ADDITIONAL -> {
				SessionDecision state = SessionDecision.requireState(this.state, "An additional dose",
						SessionState.DOSING, SessionState.MONITORING, SessionState.READY_FOR_DISCHARGE);
				// An additional dose restarts the observation: a patient ready to leave
				// is
				// monitored again.
				yield state.allowed()
						? SessionDecision
							.to((this.state == SessionState.READY_FOR_DISCHARGE) ? SessionState.MONITORING : this.state)
						: state;
			}
			case RATE_CHANGE, PAUSE, RESUME ->
				SessionDecision.requireState(this.state, kind.label(), SessionState.DOSING);
			case STOP -> {
				SessionDecision state = SessionDecision.requireState(this.state, AdministrationKind.STOP.label(),
						SessionState.DOSING);
				yield state.allowed() ? SessionDecision.to(SessionState.MONITORING) : state;
			}
		};
	}

	private SessionDecision verifiedOrder(DoseOrder order, SessionState next) {
		if (this.held) {
			return SessionDecision.refused(Refusal.notNow("HELD: " + this.holdReason, List.of("HOLD")));
		}
		if (order == null || !order.verified()) {
			return SessionDecision
				.refused(Refusal.notNow("ORDER_NOT_VERIFIED: a second clinician verifies the order before the dose",
						List.of("ORDER_VERIFICATION")));
		}
		return SessionDecision.to(next);
	}

	/**
	 * Monitoring ends with the patient marked ready (criteria checked by the service).
	 */
	SessionDecision markReady() {
		SessionDecision state = SessionDecision.requireState(this.state, "Readiness for discharge",
				SessionState.MONITORING);
		return state.allowed() ? SessionDecision.to(SessionState.READY_FOR_DISCHARGE) : state;
	}

	/**
	 * Discharge: never before the minimum observation since the last dose (esketamine:
	 * the Spravato REMS 2 hours whatever the protocol says, clinical.md 2.1), whatever
	 * else is true.
	 */
	SessionDecision discharge(Protocol protocol, Instant now) {
		SessionDecision state = SessionDecision.requireState(this.state, "Discharge", SessionState.MONITORING,
				SessionState.READY_FOR_DISCHARGE);
		if (!state.allowed()) {
			return state;
		}
		long remaining = DischargeRules.remainingMinutes(protocol, this.lastDoseAt, now);
		if (remaining > 0) {
			return SessionDecision.refused(
					Refusal
						.notNow("Minimum observation of " + DischargeRules.minimumObservationMinutes(protocol)
								+ " minutes after the last dose" + (protocol.esketamine() ? " (Spravato REMS)" : "")
								+ ": " + remaining + " minutes remaining", List.of())
						.with("remainingMinutes", remaining));
		}
		return SessionDecision.to(SessionState.DISCHARGED);
	}

	/** Ending early is possible until the session is closed. */
	SessionDecision abort() {
		SessionDecision open = requireOpen();
		return open.allowed() ? SessionDecision.to(SessionState.ABORTED) : open;
	}

	private SessionDecision requireOpen() {
		if (this.state.closed()) {
			return SessionDecision.refused(Refusal
				.notNow("The session is already " + this.state.label().toLowerCase(java.util.Locale.ROOT), List.of())
				.with("state", this.state.name()));
		}
		return SessionDecision.to(this.state);
	}

}
