package org.kapclinic.notification;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox over SMTP.
 *
 * <p>
 * Each round claims a batch of due mails in one short transaction ({@code for update skip
 * locked} plus a lease in {@code claimed_until}), so several app instances can dispatch
 * side by side without sending a mail twice, and a crashed instance's claim runs out
 * after the lease. Sending happens outside any database transaction, over one SMTP
 * connection per batch; then each mail is marked SENT, or rescheduled with exponential
 * backoff, or FAILED after {@code kap.mail.max-attempts}.
 *
 * <p>
 * Delivery is at least once: if the process dies after the SMTP server accepted a mail
 * but before it is marked SENT (or a batch outlives its lease), the mail is sent again
 * after the lease. The copy carries the same Message-ID ({@code <outbox-id@kap-clinic>})
 * so it is recognisably the same message.
 */
@Component
@ConditionalOnBooleanProperty(name = "kap.mail.enabled", matchIfMissing = true)
class OutboxDispatcher {

	private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

	private static final int MAX_ERROR_LENGTH = 1000;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final JavaMailSender sender;

	private final MailSettings settings;

	private final Clock clock;

	OutboxDispatcher(JdbcTemplate jdbc, PlatformTransactionManager transactions, JavaMailSender sender,
			MailSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.sender = sender;
		this.settings = settings;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${kap.mail.poll-interval:1s}")
	void poll() {
		try {
			dispatchPending();
		}
		catch (DataAccessException ex) {
			log.warn("Could not dispatch the mail outbox; trying again later: {}", ex.getMessage());
		}
	}

	/**
	 * Sends batches until no mail is due; returns how many mails it attempted. Each
	 * attempted mail is either sent or rescheduled into the future, so this ends.
	 */
	int dispatchPending() {
		int total = 0;
		int attempted;
		do {
			attempted = dispatchBatch();
			total += attempted;
		}
		while (attempted > 0);
		return total;
	}

	/** Claims, sends and records one batch; returns how many mails it attempted. */
	int dispatchBatch() {
		List<ClaimedMail> batch = claim();
		if (batch.isEmpty()) {
			return 0;
		}
		Map<UUID, String> failures = send(batch);
		record(batch, failures);
		return batch.size();
	}

	private List<ClaimedMail> claim() {
		Instant now = now();
		List<ClaimedMail> claimed = this.transactions.execute((status) -> this.jdbc.query("""
				update notification.outbox_message set claimed_until = ?
				where id in (
				    select id from notification.outbox_message
				    where status = 'PENDING' and next_attempt_at <= ? and (claimed_until is null or claimed_until < ?)
				    order by next_attempt_at
				    limit ?
				    for update skip locked)
				returning id, recipient, subject, body_text, body_html, attempts""",
				(rs, n) -> new ClaimedMail(rs.getObject("id", UUID.class), rs.getString("recipient"),
						rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"),
						rs.getInt("attempts"), List.of()),
				Timestamp.from(now.plus(this.settings.lease())), Timestamp.from(now), Timestamp.from(now),
				this.settings.batchSize()));
		return (claimed == null || claimed.isEmpty()) ? List.of() : withAttachments(claimed);
	}

	private List<ClaimedMail> withAttachments(List<ClaimedMail> claimed) {
		Map<UUID, List<OutgoingMail.Attachment>> attachments = new HashMap<>();
		Object[] ids = claimed.stream().map(ClaimedMail::id).toArray();
		this.jdbc.query("""
				select message_id, filename, content_type, content from notification.outbox_attachment
				where message_id = any(?) order by message_id, position""", (statement) -> {
			Array array = statement.getConnection().createArrayOf("uuid", ids);
			statement.setArray(1, array);
		}, (rs) -> {
			attachments.computeIfAbsent(rs.getObject("message_id", UUID.class), (id) -> new ArrayList<>())
				.add(new OutgoingMail.Attachment(rs.getString("filename"), rs.getString("content_type"),
						rs.getBytes("content")));
		});
		if (attachments.isEmpty()) {
			return claimed;
		}
		return claimed.stream()
			.map((mail) -> mail.withAttachments(attachments.getOrDefault(mail.id(), List.of())))
			.toList();
	}

	/**
	 * Sends the batch over one connection; returns the error of every mail that was not
	 * accepted.
	 */
	private Map<UUID, String> send(List<ClaimedMail> batch) {
		Map<UUID, String> failures = new LinkedHashMap<>();
		Map<MimeMessage, UUID> ids = new IdentityHashMap<>();
		List<MimeMessage> messages = new ArrayList<>(batch.size());
		for (ClaimedMail mail : batch) {
			try {
				MimeMessage message = mail.compose(this.sender, this.settings.from());
				messages.add(message);
				ids.put(message, mail.id());
			}
			catch (Exception ex) {
				failures.put(mail.id(), describe(ex));
			}
		}
		if (messages.isEmpty()) {
			return failures;
		}
		try {
			this.sender.send(messages.toArray(MimeMessage[]::new));
		}
		catch (MailSendException ex) {
			if (ex.getFailedMessages().isEmpty()) {
				ids.values().forEach((id) -> failures.put(id, describe(ex)));
			}
			ex.getFailedMessages().forEach((message, error) -> {
				UUID id = ids.get(message);
				if (id != null) {
					failures.put(id, describe(error));
				}
			});
		}
		catch (RuntimeException ex) {
			ids.values().forEach((id) -> failures.put(id, describe(ex)));
		}
		return failures;
	}

	private void record(List<ClaimedMail> batch, Map<UUID, String> failures) {
		Instant now = now();
		List<Object[]> sent = new ArrayList<>(batch.size());
		List<Object[]> failed = new ArrayList<>(failures.size());
		for (ClaimedMail mail : batch) {
			String error = failures.get(mail.id());
			if (error == null) {
				sent.add(new Object[] { Timestamp.from(now), mail.id() });
				continue;
			}
			int attempts = mail.attempts() + 1;
			boolean givingUp = attempts >= this.settings.maxAttempts();
			Instant next = now.plus(this.settings.retryDelay(attempts));
			failed.add(
					new Object[] { givingUp ? "FAILED" : "PENDING", attempts, Timestamp.from(next), error, mail.id() });
		}
		this.transactions.executeWithoutResult((status) -> {
			if (!sent.isEmpty()) {
				this.jdbc.batchUpdate("""
						update notification.outbox_message
						set status = 'SENT', sent_at = ?, claimed_until = null, last_error = null
						where id = ?""", sent);
			}
			if (!failed.isEmpty()) {
				this.jdbc.batchUpdate("""
						update notification.outbox_message
						set status = ?, attempts = ?, next_attempt_at = ?, last_error = ?, claimed_until = null
						where id = ? and status = 'PENDING'""", failed);
			}
		});
		if (!failures.isEmpty()) {
			log.warn("{} of {} mails were not accepted by the SMTP server; they are retried later. First error: {}",
					failures.size(), batch.size(), failures.values().iterator().next());
		}
	}

	private Instant now() {
		return Instant.now(this.clock).truncatedTo(ChronoUnit.MICROS);
	}

	private static String describe(Throwable ex) {
		StringBuilder text = new StringBuilder();
		for (Throwable cause = ex; cause != null && text.length() < MAX_ERROR_LENGTH; cause = cause.getCause()) {
			if (!text.isEmpty()) {
				text.append(" <- ");
			}
			text.append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
			if (cause.getCause() == cause) {
				break;
			}
		}
		return (text.length() <= MAX_ERROR_LENGTH) ? text.toString() : text.substring(0, MAX_ERROR_LENGTH);
	}

}
