package org.kapclinic.audit;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the newest audit checkpoint to the clinic's security contact
 * ({@code kap.audit.checkpoint-mail-to}), at most once per
 * {@code kap.audit.checkpoint-mail-interval}: a copy of the chain's head in a mailbox the
 * database owner does not control (issue 16 finding 3). Best effort: the checkpoint file
 * is the record; a mail that cannot be sent is logged and the next one is tried at the
 * next checkpoint.
 */
@Component
class AuditCheckpointMail {

	private static final Logger log = LoggerFactory.getLogger(AuditCheckpointMail.class);

	private final ObjectProvider<JavaMailSender> sender;

	private final AuditSettings settings;

	private final JsonMapper json;

	private final Clock clock;

	private final String from;

	private volatile Instant lastSent = Instant.MIN;

	AuditCheckpointMail(ObjectProvider<JavaMailSender> sender, AuditSettings settings, JsonMapper json, Clock clock,
			Environment environment) {
		this.sender = sender;
		this.settings = settings;
		this.json = json;
		this.clock = clock;
		this.from = environment.getProperty("kap.mail.from", "KAP Clinic <no-reply@kapclinic.invalid>");
	}

	/** After a checkpoint was written: mails it when a contact is set and one is due. */
	void written(AuditCheckpoints.Checkpoint checkpoint) {
		String to = this.settings.checkpointMailTo();
		if (to == null || to.isBlank()) {
			return;
		}
		Instant now = Instant.now(this.clock);
		if (now.isBefore(this.lastSent.plus(this.settings.checkpointMailInterval()))) {
			return;
		}
		if (send(checkpoint, to)) {
			this.lastSent = now;
		}
	}

	/** Mails this checkpoint to this address; false when it could not be sent. */
	boolean send(AuditCheckpoints.Checkpoint checkpoint, String to) {
		JavaMailSender mail = this.sender.getIfAvailable();
		if (mail == null) {
			log.warn("No mail sender configured: audit checkpoint {} not mailed to {}", checkpoint.id(), to);
			return false;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.from);
		message.setTo(to);
		message.setSubject(
				"KAP Clinic audit checkpoint " + checkpoint.createdAt() + ": " + checkpoint.entries() + " entries");
		message.setText("""
				The audit trail's chain as it stood at this checkpoint, signed with the audit key. Keep this mail:
				GET /api/v1/audit/verify?checkpoint=<id> (or the same checkpoint file) shows whether rows sealed
				before it were removed or rewritten since.

				""" + this.json.writerWithDefaultPrettyPrinter().writeValueAsString(checkpoint) + "\n");
		try {
			mail.send(message);
			return true;
		}
		catch (MailException ex) {
			log.warn("Could not mail audit checkpoint {} to {}: {}", checkpoint.id(), to, ex.getMessage());
			return false;
		}
	}

}
