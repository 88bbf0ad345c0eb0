package org.kapclinic.notification;

/**
 * How many mails are in each state, for the administrators' view.
 *
 * @param pending waiting for their first or next attempt
 * @param sent accepted by the SMTP server
 * @param failed given up after the maximum attempts (until an administrator retries)
 */
record OutboxStatus(long pending, long sent, long failed) {
}
