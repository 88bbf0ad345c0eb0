package org.kapclinic.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NPI check digit (issue 20): Luhn over the nine digits prefixed with 80840. Source:
 * CMS, "Requirements for National Provider Identifier (NPI) and NPI Enumerator" — its
 * worked example is 123456789 → check digit 3 (NPI 1234567893).
 */
class NpiTests {

	@Test
	void theStandardsWorkedExampleChecks() {
		assertThat(Npi.checkDigit("123456789")).isEqualTo(3);
		assertThat(Npi.valid("1234567893")).isTrue();
	}

	@Test
	void everyOtherLastDigitIsRefused() {
		for (int d = 0; d <= 9; d++) {
			assertThat(Npi.valid("123456789" + d)).as("check digit " + d).isEqualTo(d == 3);
		}
	}

	@Test
	void aTranspositionOrAWrongShapeIsRefused() {
		assertThat(Npi.valid("2134567893")).isFalse();
		assertThat(Npi.valid("123456789")).isFalse();
		assertThat(Npi.valid("12345678930")).isFalse();
		assertThat(Npi.valid("12345678a3")).isFalse();
		assertThat(Npi.valid(null)).isFalse();
	}

	@Test
	void aCheckDigitOfZeroIsComputed() {
		// 10 - (sum mod 10) is 10 when the sum ends in 0: the digit is 0, not 10.
		String firstNine = java.util.stream.IntStream.range(100000000, 100001000)
			.mapToObj(String::valueOf)
			.filter((n) -> Npi.checkDigit(n) == 0)
			.findFirst()
			.orElseThrow();
		assertThat(Npi.valid(firstNine + "0")).isTrue();
	}

}
