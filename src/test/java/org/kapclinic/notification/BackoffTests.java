package org.kapclinic.notification;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTests {

	private static final Duration BASE = Duration.ofSeconds(30);

	private static final Duration CAP = Duration.ofHours(1);

	@Test
	void doublesFromTheBaseAfterEachFailure() {
		assertThat(Backoff.delay(1, BASE, CAP)).isEqualTo(Duration.ofSeconds(30));
		assertThat(Backoff.delay(2, BASE, CAP)).isEqualTo(Duration.ofMinutes(1));
		assertThat(Backoff.delay(3, BASE, CAP)).isEqualTo(Duration.ofMinutes(2));
		assertThat(Backoff.delay(7, BASE, CAP)).isEqualTo(Duration.ofMinutes(32));
	}

	@Test
	void neverExceedsTheCapEvenForHugeAttemptCounts() {
		assertThat(Backoff.delay(8, BASE, CAP)).isEqualTo(CAP);
		assertThat(Backoff.delay(40, BASE, CAP)).isEqualTo(CAP);
		assertThat(Backoff.delay(Integer.MAX_VALUE, BASE, CAP)).isEqualTo(CAP);
		assertThat(Backoff.delay(1, Duration.ofHours(2), CAP)).isEqualTo(CAP);
	}

	@Test
	void zeroOrFewerAttemptsWaitTheBase() {
		assertThat(Backoff.delay(0, BASE, CAP)).isEqualTo(BASE);
	}

	@Test
	void theDefaultsAreThirtySecondsDoublingToOneHour() {
		MailSettings defaults = new MailSettings(null, null, null, null, null, null);
		assertThat(defaults.retryDelay(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(defaults.retryDelay(8)).isEqualTo(Duration.ofHours(1));
		assertThat(defaults.maxAttempts()).isEqualTo(8);
		assertThat(defaults.batchSize()).isEqualTo(200);
		assertThat(defaults.from()).isEqualTo("KAP Clinic <no-reply@kapclinic.invalid>");
	}

}
