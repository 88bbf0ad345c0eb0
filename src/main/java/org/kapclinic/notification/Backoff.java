package org.kapclinic.notification;

import java.time.Duration;

/**
 * Exponential backoff: base, 2 × base, 4 × base, … capped, so a mail server that is down
 * for a while is not hammered, and one that is back is used again within the cap.
 */
final class Backoff {

	private Backoff() {
	}

	/** The delay after {@code failedAttempts} failures (the first failure waits base). */
	static Duration delay(int failedAttempts, Duration base, Duration cap) {
		int doublings = Math.max(0, failedAttempts - 1);
		if (doublings >= 62 || base.isZero()) {
			return base.isZero() ? base : cap;
		}
		long factor = 1L << doublings;
		if (base.toMillis() > cap.toMillis() / factor) {
			return cap;
		}
		return base.multipliedBy(factor);
	}

}
