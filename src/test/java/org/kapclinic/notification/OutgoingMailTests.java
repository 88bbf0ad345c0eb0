package org.kapclinic.notification;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OutgoingMailTests {

	@Test
	void acceptsAPlainMailAndTrimsTheAddress() {
		OutgoingMail mail = OutgoingMail.text("k", " ann.lee@example.org ", "Hello", "Body");
		assertThat(mail.to()).isEqualTo("ann.lee@example.org");
		assertThat(mail.attachments()).isEmpty();
	}

	@Test
	void refusesAddressesThatAreNotEmail() {
		for (String to : new String[] { null, "", "ann", "ann@", "@example.org", "ann@example", "a b@example.org",
				"ann@example.org, bob@example.org" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> OutgoingMail.text("k", to, "Hello", "Body"));
		}
	}

	@Test
	void refusesBlankKeySubjectOrTextAndMultiLineSubjects() {
		assertThatIllegalArgumentException().isThrownBy(() -> OutgoingMail.text(" ", "a@b.org", "Hello", "Body"));
		assertThatIllegalArgumentException().isThrownBy(() -> OutgoingMail.text("k", "a@b.org", " ", "Body"));
		assertThatIllegalArgumentException().isThrownBy(() -> OutgoingMail.text("k", "a@b.org", "Hello", ""));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OutgoingMail.text("k", "a@b.org", "Hello\r\nBcc: x@y.org", "Body"));
	}

	@Test
	void attachmentsNeedNameTypeAndContent() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OutgoingMail.Attachment("", "text/plain", new byte[0]));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OutgoingMail.Attachment("a.ics", "text/calendar", null));
		OutgoingMail mail = new OutgoingMail("k", "a@b.org", "Hi", "Body", null,
				List.of(new OutgoingMail.Attachment("a.ics", "text/calendar", new byte[] { 1 })));
		assertThat(mail.attachments()).hasSize(1);
	}

}
