package org.kapclinic.notification;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One e-mail to one recipient, as a module hands it to the {@link Outbox}.
 *
 * @param dedupeKey identifies the mail across retries of the calling code (e.g.
 * {@code "reminder:" + appointmentId + ":24h"}); enqueueing the same key twice sends once
 * @param to the recipient's address
 * @param subject the subject line
 * @param text the plain-text body (always sent, for clients that show no HTML)
 * @param html an HTML alternative, or {@code null}
 * @param attachments files to attach (e.g. an .ics invitation); empty for none
 */
public record OutgoingMail(String dedupeKey, String to, String subject, String text, String html,
		List<Attachment> attachments) {

	/**
	 * Deliberately loose: one @, no spaces, a dot in the domain. The SMTP server has the
	 * final word; this catches blanks and obvious typos before they are queued.
	 */
	private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>,;]+@[^@\\s<>,;]+\\.[^@\\s<>,;.]+");

	/**
	 * Whether the text is an address the outbox accepts (forms check it before they save,
	 * so a bad address is a field error, not a failed mail).
	 */
	public static boolean isAddress(String text) {
		return text != null && ADDRESS.matcher(text.strip()).matches();
	}

	public OutgoingMail {
		requireText(dedupeKey, "dedupeKey");
		requireText(subject, "subject");
		requireText(text, "text");
		if (!isAddress(to)) {
			throw new IllegalArgumentException("'to' is not an e-mail address: " + to);
		}
		if (subject.contains("\n") || subject.contains("\r")) {
			throw new IllegalArgumentException("subject must be one line");
		}
		to = to.strip();
		attachments = (attachments == null) ? List.of() : List.copyOf(attachments);
	}

	/** A plain-text mail without HTML or attachments. */
	public static OutgoingMail text(String dedupeKey, String to, String subject, String text) {
		return new OutgoingMail(dedupeKey, to, subject, text, null, List.of());
	}

	private static void requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
	}

	/**
	 * A file attached to the mail.
	 *
	 * @param filename the name the recipient sees, e.g. {@code appointment.ics}
	 * @param contentType its MIME type, e.g. {@code text/calendar; method=REQUEST}
	 * @param content the bytes
	 */
	public record Attachment(String filename, String contentType, byte[] content) {

		public Attachment {
			requireText(filename, "filename");
			requireText(contentType, "contentType");
			if (content == null) {
				throw new IllegalArgumentException("content must not be null");
			}
		}

	}

}
