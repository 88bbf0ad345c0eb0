package org.kapclinic.audit;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit chain against the database owner (issue 16 finding 3): seals are keyed with a
 * key outside the database, and signed checkpoints written outside it catch the newest
 * rows deleted together with their seals, which the chain alone cannot.
 */
class AuditCheckpointsIT extends IntegrationTest {

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	AuditQueries queries;

	@Autowired
	AuditChainSealer sealer;

	@Autowired
	AuditCheckpoints checkpoints;

	@Test
	void aCheckpointIsListedAndTheChainVerifiesAgainstIt() {
		AuditCheckpoints.Checkpoint checkpoint = freshCheckpoint();
		String admin = tokenFor("admin");

		// The scheduled writer may have written a newer one since.
		JsonNode listed = this.api.get("/api/v1/audit/checkpoints", admin)
			.json()
			.valueStream()
			.filter((one) -> one.get("id").asString().equals(checkpoint.id().toString()))
			.findFirst()
			.orElseThrow();
		assertThat(listed.get("entries").asLong()).isEqualTo(checkpoint.entries()).isPositive();
		assertThat(listed.get("head").asString()).hasSize(64);
		assertThat(listed.get("hmac").asString()).hasSize(64);
		assertThat(listed.has("createdAt") && listed.has("lastEntryId")).isTrue();

		JsonNode verified = this.api.get("/api/v1/audit/verify?checkpoint=" + checkpoint.id(), admin).json();
		assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();
		assertThat(verified.get("checkpoint").asString()).isEqualTo(checkpoint.id().toString());

		Response unknown = this.api.get("/api/v1/audit/verify?checkpoint=" + UUID.randomUUID(), admin);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/audit/checkpoints", tokenFor("dr.quill")).status()).isEqualTo(403);
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void theNewestRowsDeletedWithTheirSealsVerifyAloneButNotAgainstTheCheckpoint() {
		AuditCheckpoints.Checkpoint checkpoint = freshCheckpoint();

		ChainVerification[] results = new TransactionTemplate(this.transactions).execute((status) -> {
			status.setRollbackOnly();
			// What an owner who can switch the triggers off does: the newest three rows
			// go,
			// and their seals with them.
			this.jdbc.sql("set local role none").update();
			this.jdbc.sql("set local session_replication_role = replica").update();
			this.jdbc.sql("""
					with gone as (delete from audit.seal where position > ? - 3 and position <= ? returning entry_id)
					delete from audit.entry where id in (select entry_id from gone)""")
				.params(checkpoint.lastPosition(), checkpoint.lastPosition())
				.update();
			this.jdbc.sql("delete from audit.seal where position > ?").param(checkpoint.lastPosition()).update();
			return new ChainVerification[] { this.queries.verify(), this.queries.verify(checkpoint.id()) };
		});

		assertThat(results[0].valid()).as("the chain that is left holds together").isTrue();
		assertThat(results[1].valid()).isFalse();
		assertThat(results[1].problem()).contains("rows were removed or rewritten after it was written");
		assertThat(this.queries.verify(checkpoint.id()).valid()).as("nothing was really deleted").isTrue();
	}

	@Autowired
	AuditCheckpointMail mail;

	@Test
	void aCheckpointIsMailedToTheSecurityContact() {
		AuditCheckpoints.Checkpoint checkpoint = freshCheckpoint();
		String contact = "security-contact-" + UUID.randomUUID().toString().substring(0, 8) + "@kapclinic.invalid";

		assertThat(this.mail.send(checkpoint, contact)).isTrue();

		ReceivedMail received = awaitMailTo(contact);
		assertThat(received.subject()).startsWith("KAP Clinic audit checkpoint");
		assertThat(received.text()).contains(checkpoint.id().toString(), checkpoint.hmac(), checkpoint.head());
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void aCheckpointThatWasAlteredDoesNotMatchItsSignature() {
		AuditCheckpoints.Checkpoint checkpoint = freshCheckpoint();
		AuditCheckpoints.Checkpoint lowered = new AuditCheckpoints.Checkpoint(checkpoint.id(), checkpoint.createdAt(),
				checkpoint.entries() - 3, checkpoint.lastEntryId(), checkpoint.lastPosition(), checkpoint.head(),
				checkpoint.hmac());

		assertThat(this.checkpoints.authentic(checkpoint)).isTrue();
		assertThat(this.checkpoints.authentic(lowered)).isFalse();
	}

	/**
	 * Seals what is pending and writes a checkpoint of it. Retried: the sealer only seals
	 * rows older than every open transaction, the scheduled sealer may hold its lock at
	 * that moment, and the scheduled checkpoint writer may have just covered the new
	 * seals, so one pass can legitimately find nothing new to checkpoint.
	 */
	private AuditCheckpoints.Checkpoint freshCheckpoint() {
		String admin = tokenFor("admin");
		AtomicReference<AuditCheckpoints.Checkpoint> written = new AtomicReference<>();
		Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
			this.api.get("/api/v1/ping", admin);
			this.sealer.sealPending();
			this.checkpoints.write().ifPresent(written::set);
			return written.get() != null;
		});
		return written.get();
	}

}
