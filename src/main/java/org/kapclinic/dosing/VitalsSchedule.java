package org.kapclinic.dosing;

import java.time.Duration;
import java.time.Instant;

import org.kapclinic.dosing.Protocol.VitalsPlan;

/**
 * When the next set of vitals is due: a baseline before the dose; while the drug runs,
 * every {@code duringDoseEveryMinutes} after the last reading; each fixed check after the
 * first dose (esketamine ~40 min, clinical.md 2.1) unless a reading was taken from five
 * minutes before it on; and every {@code afterDoseEveryMinutes} until discharge. A check
 * that is due and not recorded after the grace period is overdue.
 */
final class VitalsSchedule {

	/** A reading this long before a fixed check counts for it. */
	static final Duration CHECK_TOLERANCE = Duration.ofMinutes(5);

	private VitalsSchedule() {
	}

	/**
	 * @param lastReading the time of the session's latest live reading, or null (the
	 * latest is all the schedule needs: a fixed check is met by any reading from five
	 * minutes before it on)
	 * @param running the drug is being given now (infusion running, devices in progress)
	 * @return the next due check, or null when none is (closed session)
	 */
	static Due next(VitalsPlan plan, SessionState state, Instant checkedInAt, Instant firstDoseAt, boolean running,
			Instant lastReading, Instant now, Duration grace) {
		return next(plan, state, checkedInAt, firstDoseAt, running, false, null, lastReading, now, grace);
	}

	/**
	 * @param held pre-dose readings above the hold thresholds: a recheck after rest is
	 * due {@code recheckAfter} the last reading
	 */
	static Due next(VitalsPlan plan, SessionState state, Instant checkedInAt, Instant firstDoseAt, boolean running,
			boolean held, Duration recheckAfter, Instant lastReading, Instant now, Duration grace) {
		if (state.closed()) {
			return null;
		}
		if (firstDoseAt == null) {
			if (lastReading == null) {
				return due("BASELINE", checkedInAt, now, grace);
			}
			return held ? due("RECHECK", lastReading.plus(recheckAfter), now, grace) : null;
		}
		Instant since = (lastReading != null && !lastReading.isBefore(firstDoseAt)) ? lastReading : firstDoseAt;
		Due next = null;
		if (running && plan.duringDoseEveryMinutes() != null) {
			next = earlier(next,
					due("DURING_DOSE", since.plus(Duration.ofMinutes(plan.duringDoseEveryMinutes())), now, grace));
		}
		if (plan.atMinutesAfterFirstDose() != null) {
			for (Integer minutes : plan.atMinutesAfterFirstDose()) {
				Instant check = firstDoseAt.plus(Duration.ofMinutes(minutes));
				Instant from = check.minus(CHECK_TOLERANCE);
				boolean taken = lastReading != null && !lastReading.isBefore(from);
				if (!taken) {
					next = earlier(next, due("AT_" + minutes + "_MIN", check, now, grace));
					break;
				}
			}
		}
		if (!running && plan.afterDoseEveryMinutes() != null) {
			next = earlier(next,
					due("AFTER_DOSE", since.plus(Duration.ofMinutes(plan.afterDoseEveryMinutes())), now, grace));
		}
		return next;
	}

	private static Due due(String kind, Instant at, Instant now, Duration grace) {
		return new Due(kind, at, now.isAfter(at.plus(grace)));
	}

	private static Due earlier(Due a, Due b) {
		return (a == null || b.at().isBefore(a.at())) ? b : a;
	}

	/**
	 * The next vitals check.
	 *
	 * @param kind BASELINE, RECHECK (held), DURING_DOSE, AT_40_MIN (etc.) or AFTER_DOSE
	 */
	record Due(String kind, Instant at, boolean overdue) {
	}

}
