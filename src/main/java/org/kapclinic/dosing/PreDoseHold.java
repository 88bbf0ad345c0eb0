package org.kapclinic.dosing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.kapclinic.dosing.Protocol.HoldThresholds;

/**
 * What a pre-dose reading does to the session's hold. Above the hold thresholds (140/90)
 * the session is held and one prescriber may override with a reason. At or above the
 * absolute pre-dose ceiling (default 180/110) the hold cannot be overridden by one
 * person: dosing that day needs a recheck below the ceiling after rest, or an override
 * co-signed by a second clinician (issue 13). Racemic ketamine is contraindicated where a
 * significant rise in blood pressure would be a serious hazard (Ketalar label §4,
 * clinical.md §9); the Swiss label names resting BP above 180/100.
 */
final class PreDoseHold {

	private PreDoseHold() {
	}

	/** What happens to the hold. */
	enum Outcome {

		/**
		 * Nothing changes (not held and within thresholds, or held and still above them).
		 */
		UNCHANGED,
		/** Held: one prescriber may override with a reason. */
		HOLD,
		/**
		 * Held at the ceiling: a recheck below it after rest, or a co-signed override.
		 */
		CEILING_HOLD,
		/** The hold is released. */
		RELEASE,
		/** Held at the ceiling and rechecked too soon: the hold stays as it is. */
		TOO_SOON

	}

	/**
	 * @param outcome what happens
	 * @param reason the hold reason to store (HOLD, CEILING_HOLD) or to tell (TOO_SOON)
	 */
	record Decision(Outcome outcome, String reason) {

		static final Decision UNCHANGED = new Decision(Outcome.UNCHANGED, null);

		boolean changesSession() {
			return this.outcome == Outcome.HOLD || this.outcome == Outcome.CEILING_HOLD
					|| this.outcome == Outcome.RELEASE;
		}

	}

	static Decision decide(HoldThresholds thresholds, Duration rest, DosingSession.Hold hold, Vitals reading) {
		List<String> ceiling = ceiling(thresholds, reading.systolic(), reading.diastolic());
		if (!ceiling.isEmpty()) {
			return new Decision(Outcome.CEILING_HOLD,
					"pre-dose " + reading.systolic() + "/" + reading.diastolic() + " at or above the ceiling: "
							+ String.join(", ", ceiling) + "; dosing today needs a recheck below the ceiling after "
							+ rest.toMinutes()
							+ " min rest, or a prescriber's override co-signed by a second clinician");
		}
		List<String> above = Thresholds.hold(thresholds, reading.systolic(), reading.diastolic(), reading.heartRate(),
				reading.spo2());
		if (hold.atCeiling() && reading.at().isBefore(hold.ceilingHeldAt().plus(rest))) {
			return new Decision(Outcome.TOO_SOON,
					"recheck after rest: a reading below the ceiling counts from " + hold.ceilingHeldAt().plus(rest));
		}
		if (!above.isEmpty()) {
			boolean same = hold.held() && !hold.atCeiling();
			return new Decision(same ? Outcome.UNCHANGED : Outcome.HOLD, "pre-dose " + reading.systolic() + "/"
					+ reading.diastolic() + " above hold thresholds: " + String.join(", ", above));
		}
		return new Decision(hold.held() ? Outcome.RELEASE : Outcome.UNCHANGED, null);
	}

	/** Why a reading is at or above the absolute pre-dose ceiling; empty when below. */
	static List<String> ceiling(HoldThresholds thresholds, int systolic, int diastolic) {
		List<String> reasons = new ArrayList<>();
		if (systolic >= thresholds.ceilingSystolic()) {
			reasons.add("systolic " + systolic + " ≥ " + thresholds.ceilingSystolic());
		}
		if (diastolic >= thresholds.ceilingDiastolic()) {
			reasons.add("diastolic " + diastolic + " ≥ " + thresholds.ceilingDiastolic());
		}
		return reasons;
	}

}
