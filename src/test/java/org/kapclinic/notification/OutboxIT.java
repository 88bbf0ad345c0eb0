package org.kapclinic.notification;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.kapclinic.BrowserSession;
import org.kapclinic.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OutboxIT extends IntegrationTest {

	private static final Logger log = LoggerFactory.getLogger(OutboxIT.class);

	private static final Duration DELIVERY = Duration.ofSeconds(15);

	private static final String ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n";

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxDispatcher dispatcher;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	JdbcTemplate template;

	@Autowired
	JavaMailSender sender;

	@Autowired
	MailSettings settings;

	@Test
	void aMailQueuedInACommittedTransactionIsDeliveredWithItsAttachment() throws Exception {
		String to = recipient();
		OutgoingMail mail = new OutgoingMail("a:" + to, to, "Your visit on Monday", "See you on Monday at 9.",
				"<p>See you on <b>Monday</b> at 9.</p>", List.of(new OutgoingMail.Attachment("visit.ics",
						"text/calendar", ICS.getBytes(StandardCharsets.UTF_8))));

		UUID id = inTransaction(() -> this.outbox.enqueue(mail));

		MimeMessage received = awaitOne(to);
		assertThat(received.getSubject()).isEqualTo("Your visit on Monday");
		assertThat(received.getMessageID()).isEqualTo("<" + id + "@kap-clinic>");
		assertThat(received.getAllRecipients()[0].toString()).isEqualTo(to);
		assertThat(received.getFrom()[0].toString()).isEqualTo("KAP Clinic <no-reply@kapclinic.invalid>");
		List<Part> parts = leaves(received);
		assertThat(parts).anySatisfy((part) -> {
			assertThat(part.isMimeType("text/plain")).isTrue();
			assertThat(part.getContent().toString()).isEqualTo("See you on Monday at 9.");
		});
		assertThat(parts).anySatisfy((part) -> {
			assertThat(part.isMimeType("text/html")).isTrue();
			assertThat(part.getContent().toString()).contains("<b>Monday</b>");
		});
		assertThat(parts).anySatisfy((part) -> {
			assertThat(part.getFileName()).isEqualTo("visit.ics");
			assertThat(part.isMimeType("text/calendar")).isTrue();
			assertThat(part.getInputStream().readAllBytes()).isEqualTo(ICS.getBytes(StandardCharsets.UTF_8));
		});
		awaitStatus(id, "SENT");
		assertThat(row(id)).containsEntry("attempts", 0).containsEntry("last_error", null);
		assertThat(row(id).get("sent_at")).isNotNull();
	}

	@Test
	void aMailQueuedInATransactionThatRollsBackIsNeitherStoredNorSent() throws Exception {
		String to = recipient();
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			this.outbox.enqueue(OutgoingMail.text("b:" + to, to, "Never", "This change was rolled back."));
			status.setRollbackOnly();
		});

		this.dispatcher.dispatchPending();
		assertThat(this.jdbc.sql("select count(*) from notification.outbox_message where recipient = ?")
			.param(to)
			.query(Long.class)
			.single()).isZero();
		Thread.sleep(500);
		assertThat(received(to)).isEmpty();
	}

	@Test
	void theSameDedupeKeyTwiceIsOneRowAndOneMail() throws Exception {
		String to = recipient();
		UUID first = inTransaction(() -> this.outbox.enqueue(OutgoingMail.text("c:" + to, to, "Once", "Body")));
		UUID second = inTransaction(() -> {
			UUID again = this.outbox.enqueue(OutgoingMail.text("c:" + to, to, "Twice?", "Body"));
			assertThat(this.outbox.enqueue(OutgoingMail.text("c:" + to, to, "Thrice?", "Body"))).isEqualTo(again);
			return again;
		});

		assertThat(second).isEqualTo(first);
		assertThat(awaitOne(to).getSubject()).isEqualTo("Once");
		assertThat(this.jdbc.sql("select count(*) from notification.outbox_message where dedupe_key = ?")
			.param("c:" + to)
			.query(Long.class)
			.single()).isOne();
		this.dispatcher.dispatchPending();
		Thread.sleep(500);
		assertThat(received(to)).hasSize(1);
	}

	@Test
	void aFailedDeliveryIsRetriedWithBackoffAndThenDeliveredOnce() throws Exception {
		String to = recipient();
		UUID id;
		mail().stop();
		try {
			id = inTransaction(() -> this.outbox.enqueue(OutgoingMail.text("d:" + to, to, "Retried", "Body")));
			this.dispatcher.dispatchPending();
			await().atMost(DELIVERY).until(() -> ((Integer) row(id).get("attempts")) == 1);
		}
		finally {
			mail().start();
		}
		Map<String, Object> failed = row(id);
		assertThat(failed).containsEntry("status", "PENDING").containsEntry("claimed_until", null);
		assertThat((String) failed.get("last_error")).isNotBlank();
		assertThat(((Timestamp) failed.get("next_attempt_at")).toInstant()).isAfter(Instant.now().plusSeconds(20));

		this.dispatcher.dispatchPending();
		assertThat(received(to)).as("not due yet").isEmpty();
		makeDue(id);

		awaitOne(to);
		awaitStatus(id, "SENT");
		this.dispatcher.dispatchPending();
		Thread.sleep(500);
		assertThat(received(to)).hasSize(1);
		assertThat(row(id)).containsEntry("attempts", 1).containsEntry("last_error", null);
	}

	@Test
	void aRestartedInstanceSendsNothingTwiceAndTakesOverAnExpiredClaim() throws Exception {
		OutboxDispatcher restarted = new OutboxDispatcher(this.template, this.transactionManager, this.sender,
				this.settings, Clock.systemUTC());
		String sentTo = recipient();
		UUID sent = inTransaction(() -> this.outbox.enqueue(OutgoingMail.text("e1:" + sentTo, sentTo, "Sent", "Body")));
		awaitOne(sentTo);
		awaitStatus(sent, "SENT");

		restarted.dispatchPending();
		Thread.sleep(500);
		assertThat(received(sentTo)).hasSize(1);

		String claimedTo = recipient();
		UUID claimed = inTransaction(() -> {
			UUID id = this.outbox.enqueue(OutgoingMail.text("e2:" + claimedTo, claimedTo, "Claimed", "Body"));
			// claimed by an instance that then crashed; its lease is still running
			this.jdbc
				.sql("update notification.outbox_message set claimed_until = now() + interval '1 hour' where id = ?")
				.param(id)
				.update();
			return id;
		});
		restarted.dispatchPending();
		Thread.sleep(500);
		assertThat(received(claimedTo)).as("leased to the crashed instance").isEmpty();

		this.jdbc.sql("update notification.outbox_message set claimed_until = now() - interval '1 second' where id = ?")
			.param(claimed)
			.update();
		restarted.dispatchPending();
		awaitOne(claimedTo);
		awaitStatus(claimed, "SENT");
		restarted.dispatchPending();
		Thread.sleep(500);
		assertThat(received(claimedTo)).hasSize(1);
	}

	@Test
	@WithMockUser(username = "admin", roles = "ADMIN")
	void afterTheLastAttemptAMailIsFailedUntilAnAdministratorRetriesIt() throws Exception {
		String to = recipient();
		UUID id;
		mail().stop();
		try {
			id = inTransaction(() -> {
				UUID queued = this.outbox.enqueue(OutgoingMail.text("f:" + to, to, "Given up", "Body"));
				this.jdbc.sql("update notification.outbox_message set attempts = ? where id = ?")
					.params(this.settings.maxAttempts() - 1, queued)
					.update();
				return queued;
			});
			this.dispatcher.dispatchPending();
			awaitStatus(id, "FAILED");
		}
		finally {
			mail().start();
		}
		assertThat(row(id)).containsEntry("attempts", this.settings.maxAttempts());
		makeDue(id);
		this.dispatcher.dispatchPending();
		Thread.sleep(500);
		assertThat(received(to)).isEmpty();
		assertThat(row(id)).containsEntry("status", "FAILED").containsEntry("attempts", this.settings.maxAttempts());
		assertThat(this.outbox.failed(1000)).anySatisfy((failed) -> {
			assertThat(failed.id()).isEqualTo(id);
			assertThat(failed.lastError()).isNotBlank();
		});
		assertThat(this.outbox.counts().failed()).isPositive();

		BrowserSession admin = BrowserSession.signIn(this.port, "admin", PASSWORD);
		assertThat(admin.get("/admin/outbox").body()).contains(to, "Given up", "/admin/outbox/" + id + "/retry");
		assertThat(BrowserSession.signIn(this.port, "nurse.bell", PASSWORD).get("/admin/outbox").statusCode())
			.isEqualTo(403);
		admin.post("/admin/outbox", "/admin/outbox/" + id + "/retry", Map.of());

		assertThat(row(id)).containsEntry("attempts", 0);
		awaitOne(to);
		awaitStatus(id, "SENT");
	}

	@Test
	void administratorsSeeTheOutboxOverTheApiAndOthersDoNot() {
		JsonNode overview = this.api.get("/api/v1/admin/outbox", tokenFor("admin")).json();
		assertThat(overview.get("counts").has("pending")).isTrue();
		assertThat(overview.get("failed").isArray()).isTrue();
		assertThat(this.api.get("/api/v1/admin/outbox", tokenFor("dr.quill")).status()).isEqualTo(403);
		var missing = this.api.post("/api/v1/admin/outbox/" + UUID.randomUUID() + "/retry", "", tokenFor("admin"));
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.contentType()).startsWith("application/problem+json");
	}

	/** Part of the benchmark (bench/run.sh sends), not of every build: about 10 s. */
	@Test
	@EnabledIfSystemProperty(named = "kap.bench", matches = "true")
	void tenThousandQueuedMailsAreDeliveredToALocalSmtpServer() {
		int count = 10_000;
		String to = recipient();
		inTransaction(() -> {
			for (int i = 0; i < count; i++) {
				this.outbox.enqueue(OutgoingMail.text("bench:" + to + ":" + i, to, "Reminder " + i,
						"Your next session is soon. Reply STOP to opt out of reminders. #" + i));
			}
			return null;
		});

		long start = System.nanoTime();
		this.dispatcher.dispatchPending();
		await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.jdbc
				.sql("select count(*) from notification.outbox_message where recipient = ? and status = 'SENT'")
				.param(to)
				.query(Long.class)
				.single() == count);
		long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
		log.info("Delivered {} queued mails over SMTP in {} ms ({} mails/s)", count, millis,
				count * 1000L / Math.max(1, millis));
		assertThat(received(to)).hasSize(count);
	}

	private <T> T inTransaction(java.util.function.Supplier<T> work) {
		return new TransactionTemplate(this.transactionManager).execute((status) -> work.get());
	}

	private static String recipient() {
		return "patient-" + UUID.randomUUID() + "@example.test";
	}

	private static List<MimeMessage> received(String to) {
		return mail().findReceivedMessages((user) -> to.equalsIgnoreCase(user.getEmail()), (message) -> true).toList();
	}

	private static MimeMessage awaitOne(String to) {
		await().atMost(DELIVERY).until(() -> !received(to).isEmpty());
		List<MimeMessage> messages = received(to);
		assertThat(messages).hasSize(1);
		return messages.get(0);
	}

	private void awaitStatus(UUID id, String status) {
		await().atMost(DELIVERY).until(() -> status.equals(row(id).get("status")));
	}

	private Map<String, Object> row(UUID id) {
		return this.jdbc.sql("""
				select status, attempts, last_error, next_attempt_at, claimed_until, sent_at
				from notification.outbox_message where id = ?""").param(id).query().singleRow();
	}

	private void makeDue(UUID id) {
		this.jdbc
			.sql("update notification.outbox_message set next_attempt_at = now() - interval '1 second' where id = ?")
			.param(id)
			.update();
	}

	private static List<Part> leaves(Part part) throws Exception {
		List<Part> leaves = new ArrayList<>();
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				leaves.addAll(leaves(multipart.getBodyPart(i)));
			}
		}
		else {
			leaves.add(part);
		}
		return leaves;
	}

}
