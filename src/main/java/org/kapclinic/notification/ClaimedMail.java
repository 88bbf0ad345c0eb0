package org.kapclinic.notification;

import java.util.List;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** A queued mail this instance has claimed for one delivery attempt. */
record ClaimedMail(UUID id, String to, String subject, String text, String html, int attempts,
		List<OutgoingMail.Attachment> attachments) {

	/**
	 * The Message-ID for this outbox row. A mail sent twice (crash after the SMTP server
	 * accepted it, before it was marked sent) carries the same id both times, so mail
	 * clients and servers that deduplicate by Message-ID can recognise the copy.
	 */
	static String messageId(UUID id) {
		return "<" + id + "@kap-clinic>";
	}

	ClaimedMail withAttachments(List<OutgoingMail.Attachment> attachments) {
		return new ClaimedMail(this.id, this.to, this.subject, this.text, this.html, this.attempts, attachments);
	}

	MimeMessage compose(JavaMailSender sender, String from) throws MessagingException {
		MimeMessage message = sender.createMimeMessage();
		boolean multipart = this.html != null || !this.attachments.isEmpty();
		MimeMessageHelper helper = new MimeMessageHelper(message, multipart, "UTF-8");
		helper.setFrom(from);
		helper.setTo(this.to);
		helper.setSubject(this.subject);
		if (this.html != null) {
			helper.setText(this.text, this.html);
		}
		else {
			helper.setText(this.text);
		}
		for (OutgoingMail.Attachment attachment : this.attachments) {
			helper.addAttachment(attachment.filename(), new ByteArrayResource(attachment.content()),
					attachment.contentType());
		}
		// JavaMailSenderImpl keeps an explicitly set Message-ID across saveChanges().
		message.setHeader("Message-ID", messageId(this.id));
		return message;
	}

}
