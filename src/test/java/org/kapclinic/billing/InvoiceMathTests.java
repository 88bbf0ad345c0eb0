package org.kapclinic.billing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Money without rounding drift (issue 20): 10,000 lines in integer cents sum exactly to
 * the same figure in exact decimal arithmetic, where floating point would not; the
 * sliding-scale discount is rounded once, half up.
 */
class InvoiceMathTests {

	@Test
	void tenThousandLinesSumExactly() {
		Random random = new Random(20);
		List<Long> lines = new ArrayList<>();
		java.math.BigDecimal exact = java.math.BigDecimal.ZERO;
		double floating = 0;
		for (int i = 0; i < 10_000; i++) {
			// Prices such as $12.34 × 3 units: cents that binary floating point cannot
			// hold exactly.
			long cents = (1 + random.nextInt(99_999)) * (long) (1 + random.nextInt(4));
			lines.add(cents);
			exact = exact.add(java.math.BigDecimal.valueOf(cents, 2));
			floating += cents / 100.0;
		}
		long total = InvoiceMath.sum(lines);
		assertThat(java.math.BigDecimal.valueOf(total, 2)).isEqualByComparingTo(exact);
		assertThat(java.math.BigDecimal.valueOf(floating))
			.as("the drift integer cents avoid (a guard that this test can fail)")
			.isNotEqualByComparingTo(exact);
		long discount = InvoiceMath.discount(total, 25);
		assertThat(discount + (total - discount)).isEqualTo(total);
	}

	@Test
	void theDiscountRoundsHalfUpOnce() {
		assertThat(InvoiceMath.discount(10_001, 50)).isEqualTo(5_001);
		assertThat(InvoiceMath.discount(10_003, 25)).isEqualTo(2_501);
		assertThat(InvoiceMath.discount(10_002, 25)).isEqualTo(2_501);
		assertThat(InvoiceMath.discount(10_001, 25)).isEqualTo(2_500);
		assertThat(InvoiceMath.discount(12_345, 0)).isZero();
		assertThat(InvoiceMath.discount(12_345, 100)).isEqualTo(12_345);
	}

	@Test
	void anOverflowThrowsRatherThanWraps() {
		assertThatThrownBy(() -> InvoiceMath.sum(List.of(Long.MAX_VALUE, 1L))).isInstanceOf(ArithmeticException.class);
	}

}
