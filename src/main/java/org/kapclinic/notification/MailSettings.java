package org.kapclinic.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outbox delivery policy ({@code kap.mail.*}). {@code kap.mail.enabled} and
 * {@code kap.mail.poll-interval} are read by the dispatcher's annotations.
 *
 * @param from the sender address ({@code KAP Clinic <no-reply@kapclinic.invalid>})
 * @param batchSize mails claimed and sent over one SMTP connection at a time (200)
 * @param retryBase delay after the first failure, doubled after each further one (30 s)
 * @param retryCap longest delay between attempts (1 h)
 * @param maxAttempts failed attempts after which a mail is marked FAILED (8)
 * @param lease how long a claimed batch is reserved for one instance; must exceed the
 * time to send a batch, since after it another instance may send the same mails (5 min)
 */
@ConfigurationProperties("kap.mail")
record MailSettings(String from, Integer batchSize, Duration retryBase, Duration retryCap, Integer maxAttempts,
		Duration lease) {

	MailSettings {
		from = (from == null || from.isBlank()) ? "KAP Clinic <no-reply@kapclinic.invalid>" : from;
		batchSize = (batchSize == null) ? 200 : batchSize;
		retryBase = (retryBase == null) ? Duration.ofSeconds(30) : retryBase;
		retryCap = (retryCap == null) ? Duration.ofHours(1) : retryCap;
		maxAttempts = (maxAttempts == null) ? 8 : maxAttempts;
		lease = (lease == null) ? Duration.ofMinutes(5) : lease;
	}

	/** The delay before the next attempt after this many failed attempts (1, 2, …). */
	Duration retryDelay(int failedAttempts) {
		return Backoff.delay(failedAttempts, this.retryBase, this.retryCap);
	}

}
