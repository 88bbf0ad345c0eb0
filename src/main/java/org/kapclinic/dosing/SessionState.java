package org.kapclinic.dosing;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a dosing session stands. Each step is a named method on {@link DosingSessions}
 * with its own preconditions; this table is the one place that says which step may follow
 * which, so an illegal transition is refused the same way everywhere.
 */
enum SessionState {

	CHECKED_IN("Checked in"), PRE_DOSE_CHECKS("Pre-dose checks"), ORDERED("Dose ordered"), DOSING("Dosing"),
	MONITORING("Monitoring"), READY_FOR_DISCHARGE("Ready for discharge"), DISCHARGED("Discharged"),
	ABORTED("Ended early");

	private final String label;

	SessionState(String label) {
		this.label = label;
	}

	/** What people read (the API keeps the code). */
	public String label() {
		return this.label;
	}

	private static final Map<SessionState, Set<SessionState>> NEXT = Map.of(CHECKED_IN,
			EnumSet.of(PRE_DOSE_CHECKS, ABORTED), PRE_DOSE_CHECKS, EnumSet.of(ORDERED, ABORTED), ORDERED,
			EnumSet.of(ORDERED, DOSING, MONITORING, ABORTED), DOSING, EnumSet.of(MONITORING, ABORTED), MONITORING,
			EnumSet.of(READY_FOR_DISCHARGE, ABORTED), READY_FOR_DISCHARGE, EnumSet.of(MONITORING, DISCHARGED, ABORTED),
			DISCHARGED, EnumSet.noneOf(SessionState.class), ABORTED, EnumSet.noneOf(SessionState.class));

	public boolean canMoveTo(SessionState next) {
		return NEXT.get(this).contains(next);
	}

	/** Discharged or aborted: nothing more may be recorded. */
	public boolean closed() {
		return this == DISCHARGED || this == ABORTED;
	}

	/** The pre-dose checklist is still open to answers. */
	public boolean beforeOrder() {
		return this == CHECKED_IN || this == PRE_DOSE_CHECKS;
	}

	/** Ordered and not yet closed: doses may be given or changed. */
	public boolean administering() {
		return this == ORDERED || this == DOSING || this == MONITORING || this == READY_FOR_DISCHARGE;
	}

	/** After the dose, until the patient leaves: discharge criteria may be confirmed. */
	public boolean dischargeable() {
		return this == MONITORING || this == READY_FOR_DISCHARGE;
	}

	public static String labelOf(String code) {
		return Vocabulary.label(SessionState.class, code, SessionState::label);
	}

	/**
	 * The order form is offered: before the dose, an order may be written or rewritten
	 * (the order itself still needs the checklist and a baseline reading, checked when it
	 * is placed).
	 */
	public boolean canOrder() {
		return this == CHECKED_IN || this == PRE_DOSE_CHECKS || this == ORDERED;
	}

	/** The order waits for its second-person verification. */
	public boolean awaitingVerification() {
		return this == ORDERED;
	}

	/** Monitoring may end with the patient marked ready for discharge. */
	public boolean canMarkReady() {
		return this == MONITORING;
	}

	/** A dose has been started (the drug may be in the patient). */
	public boolean doseGiven() {
		return this == DOSING || this == MONITORING || this == READY_FOR_DISCHARGE || this == DISCHARGED;
	}

}
