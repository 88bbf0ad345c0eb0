package org.kapclinic.intake.consultation;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public form's limits (issue 16 finding 4): per address, per IPv6 /64, and for
 * everyone together, so that fresh addresses cannot clear them.
 */
class SubmissionLimiterTests {

	@Test
	void anAddressGetsItsAllowanceAndNoMore() {
		SubmissionLimiter limiter = limiter(5, 1000);
		for (int i = 0; i < 5; i++) {
			assertThat(limiter.tryAcquire("198.51.100.7")).isTrue();
		}
		assertThat(limiter.tryAcquire("198.51.100.7")).isFalse();
		assertThat(limiter.tryAcquire("198.51.100.8")).isTrue();
	}

	@Test
	void ipv6AddressesAreCountedPerSlash64() {
		assertThat(SubmissionLimiter.key("2001:db8:1:2:aaaa::1")).isEqualTo("2001:db8:1:2::/64");
		assertThat(SubmissionLimiter.key("2001:DB8:1:2:ffff:ffff:ffff:ffff")).isEqualTo("2001:db8:1:2::/64");
		assertThat(SubmissionLimiter.key("2001:db8::1")).isEqualTo("2001:db8:0:0::/64");
		assertThat(SubmissionLimiter.key("[::1]")).isEqualTo("0:0:0:0::/64");
		SubmissionLimiter limiter = limiter(2, 1000);
		assertThat(limiter.tryAcquire("2001:db8:1:2::1")).isTrue();
		assertThat(limiter.tryAcquire("2001:db8:1:2::2")).isTrue();
		assertThat(limiter.tryAcquire("2001:db8:1:2::3")).as("a new address in the same /64").isFalse();
		assertThat(limiter.tryAcquire("2001:db8:1:3::1")).isTrue();
	}

	@Test
	void manyAddressesTogetherStopAtTheClinicWideAllowance() {
		SubmissionLimiter limiter = limiter(5, 10);
		for (int i = 0; i < 10; i++) {
			assertThat(limiter.tryAcquire("203.0.113." + i)).isTrue();
		}
		assertThat(limiter.tryAcquire("203.0.113.200")).as("the 11th address within the window").isFalse();
	}

	private static SubmissionLimiter limiter(int perAddress, int perWindow) {
		return new SubmissionLimiter(new ConsultationSettings(perAddress, Duration.ofHours(1), perWindow, null));
	}

}
