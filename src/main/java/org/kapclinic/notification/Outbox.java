package org.kapclinic.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.shared.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only way the app sends e-mail. {@link #enqueue} writes the mail into the caller's
 * transaction; {@link OutboxDispatcher} delivers it after commit. So a mail goes out
 * exactly when the change it announces is committed, and a mail server that is down
 * delays mail but never fails the change.
 */
@Service
public class Outbox {

	private static final String RESOURCE = "OutboxMessage";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final AuditTrail audit;

	private final Clock clock;

	Outbox(JdbcClient jdbc, JdbcTemplate template, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.template = template;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Queues the mail in the caller's transaction (or its own, if there is none): it is
	 * sent only if that transaction commits. Idempotent by
	 * {@link OutgoingMail#dedupeKey}: a key already queued (in any state) returns the
	 * existing id and queues nothing.
	 * @return the outbox id, which is also the Message-ID's local part
	 */
	@Transactional
	public UUID enqueue(OutgoingMail mail) {
		Instant now = Instant.now(this.clock).truncatedTo(ChronoUnit.MICROS);
		Optional<UUID> inserted = this.jdbc.sql("""
				insert into notification.outbox_message
				    (id, dedupe_key, recipient, subject, body_text, body_html, next_attempt_at, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (dedupe_key) do nothing
				returning id""")
			.params(UUID.randomUUID(), mail.dedupeKey(), mail.to(), mail.subject(), mail.text(), mail.html(),
					Timestamp.from(now), Timestamp.from(now))
			.query(UUID.class)
			.optional();
		if (inserted.isEmpty()) {
			return this.jdbc.sql("select id from notification.outbox_message where dedupe_key = ?")
				.param(mail.dedupeKey())
				.query(UUID.class)
				.single();
		}
		insertAttachments(inserted.get(), mail.attachments());
		return inserted.get();
	}

	private void insertAttachments(UUID id, List<OutgoingMail.Attachment> attachments) {
		if (attachments.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>(attachments.size());
		for (int i = 0; i < attachments.size(); i++) {
			OutgoingMail.Attachment attachment = attachments.get(i);
			rows.add(new Object[] { id, i, attachment.filename(), attachment.contentType(), attachment.content() });
		}
		this.template.batchUpdate("""
				insert into notification.outbox_attachment (message_id, position, filename, content_type, content)
				values (?, ?, ?, ?, ?)""", rows);
	}

	/** How many mails are pending, sent and failed. */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public OutboxStatus counts() {
		long[] counts = new long[3];
		this.jdbc.sql("select status, count(*) as n from notification.outbox_message group by status").query((rs) -> {
			long n = rs.getLong("n");
			switch (rs.getString("status")) {
				case "PENDING" -> counts[0] = n;
				case "SENT" -> counts[1] = n;
				default -> counts[2] = n;
			}
		});
		return new OutboxStatus(counts[0], counts[1], counts[2]);
	}

	/**
	 * The most recently queued mails that were given up on. Recipients and subjects may
	 * identify patients, so viewing them is audited.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public List<FailedMail> failed(int limit) {
		List<FailedMail> failed = this.jdbc.sql("""
				select id, recipient, subject, attempts, last_error, created_at from notification.outbox_message
				where status = 'FAILED' order by created_at desc limit ?""")
			.param(Math.max(1, Math.min(limit, 1000)))
			.query((rs, n) -> new FailedMail(rs.getObject("id", UUID.class), rs.getString("recipient"),
					rs.getString("subject"), rs.getInt("attempts"), rs.getString("last_error"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
		this.audit.record(AuditEvent.of(AuditAction.QUERY, RESOURCE, null)
			.category(DataCategory.ADMINISTRATION)
			.detail("failed mails: " + failed.size()));
		return failed;
	}

	/**
	 * Sends a failed mail again, with a fresh set of attempts (e.g. after the SMTP
	 * credentials were fixed).
	 * @throws NotFoundException if there is no failed mail with this id
	 */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public void retry(UUID id) {
		int updated = this.jdbc.sql("""
				update notification.outbox_message
				set status = 'PENDING', attempts = 0, next_attempt_at = ?, claimed_until = null
				where id = ? and status = 'FAILED'""").params(Timestamp.from(Instant.now(this.clock)), id).update();
		if (updated == 0) {
			throw new NotFoundException("Failed mail", id);
		}
		this.audit.record(
				AuditEvent.of(AuditAction.UPDATE, RESOURCE, id).category(DataCategory.ADMINISTRATION).detail("retry"));
	}

}
