package org.kapclinic.dosing;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * How long an IV infusion ran: from START (or RESUME) to PAUSE (or STOP), summed; an
 * infusion still running at {@code end} counts until then. Billing's infusion codes are
 * reported by this time (CPT 96365/96366).
 */
final class InfusionTime {

	private InfusionTime() {
	}

	/** Whole minutes infused (seconds are dropped). */
	static long minutes(List<Administration> administrations, Instant end) {
		Duration total = Duration.ZERO;
		Instant since = null;
		List<Administration> ordered = administrations.stream()
			.sorted(Comparator.comparing(Administration::at))
			.toList();
		for (Administration step : ordered) {
			switch (step.kind()) {
				case "START", "RESUME" -> since = (since == null) ? step.at() : since;
				case "PAUSE", "STOP" -> {
					if (since != null) {
						total = total.plus(Duration.between(since, step.at()));
						since = null;
					}
				}
				default -> {
				}
			}
		}
		if (since != null && end != null && end.isAfter(since)) {
			total = total.plus(Duration.between(since, end));
		}
		return total.toMinutes();
	}

}
