package org.kapclinic.dosing;

import java.time.Duration;
import java.time.Instant;

/**
 * Discharge arithmetic: the minimum observation since the last dose (esketamine: the
 * Spravato REMS 2 hours whatever the protocol says, clinical.md 2.1) and whether the
 * latest blood pressure is back near the baseline (modified Aldrete circulation: within
 * 20 % of baseline, clinical.md 2.4).
 */
final class DischargeRules {

	private DischargeRules() {
	}

	static int minimumObservationMinutes(Protocol protocol) {
		int minutes = protocol.minimumObservationMinutes();
		return protocol.esketamine() ? Math.max(minutes, ProtocolRules.REMS_OBSERVATION_MINUTES) : minutes;
	}

	/** Whole minutes still to wait (rounded up), 0 when the observation time is over. */
	static long remainingMinutes(Protocol protocol, Instant lastDoseAt, Instant now) {
		if (lastDoseAt == null) {
			return minimumObservationMinutes(protocol);
		}
		Instant allowed = lastDoseAt.plus(Duration.ofMinutes(minimumObservationMinutes(protocol)));
		long seconds = Duration.between(now, allowed).getSeconds();
		return (seconds <= 0) ? 0 : (seconds + 59) / 60;
	}

	/** Both pressures within the allowed percentage of the baseline, up or down. */
	static boolean nearBaseline(int baselineSystolic, int baselineDiastolic, int systolic, int diastolic, int percent) {
		return within(baselineSystolic, systolic, percent) && within(baselineDiastolic, diastolic, percent);
	}

	private static boolean within(int baseline, int value, int percent) {
		return Math.abs(value - baseline) * 100 <= baseline * percent;
	}

}
