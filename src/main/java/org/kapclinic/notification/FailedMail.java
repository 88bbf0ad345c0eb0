package org.kapclinic.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * A mail the dispatcher gave up on, with the SMTP server's last answer.
 *
 * @param id the outbox id (to retry it)
 * @param to the recipient
 * @param subject the subject line
 * @param attempts failed attempts so far
 * @param lastError the last error, shortened
 * @param createdAt when it was queued
 */
record FailedMail(UUID id, String to, String subject, int attempts, String lastError, Instant createdAt) {
}
