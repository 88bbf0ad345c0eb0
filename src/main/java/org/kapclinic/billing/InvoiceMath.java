package org.kapclinic.billing;

import java.util.List;

/**
 * Invoice arithmetic in integer minor units: sums are exact (overflow throws rather than
 * wraps) and the one rounding — the sliding-scale discount, taken once on the subtotal,
 * never per line — is half up to the cent.
 */
final class InvoiceMath {

	private InvoiceMath() {
	}

	static long sum(List<Long> amountsMinor) {
		long total = 0;
		for (long amount : amountsMinor) {
			total = Math.addExact(total, amount);
		}
		return total;
	}

	/** {@code percent} % of the subtotal, rounded half up to a whole minor unit. */
	static long discount(long subtotalMinor, int percent) {
		if (percent < 0 || percent > 100) {
			throw new IllegalArgumentException("percent " + percent);
		}
		return (Math.multiplyExact(subtotalMinor, (long) percent) + 50) / 100;
	}

}
