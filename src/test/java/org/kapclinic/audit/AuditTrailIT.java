package org.kapclinic.audit;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.kapclinic.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditTrailIT extends IntegrationTest {

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	AuditQueries queries;

	@Autowired
	AuditChainSealer sealer;

	@Test
	void everyPatientReadWritesExactlyOneAuditRowWithWhoAndFromWhere() {
		String token = tokenFor("dr.quill");
		UUID id = newPatient(token);
		long before = auditCount(id, "READ");

		this.api.get("/api/v1/patients/" + id, token);
		this.api.get("/api/v1/patients/" + id, token);

		assertThat(auditCount(id, "READ")).isEqualTo(before + 2);
		Map<String, Object> row = this.jdbc.sql("""
				select actor_name, actor_roles, outcome, client_address, channel, resource_type, data_category
				from audit.entry where patient_id = ? and action = 'READ' order by id desc limit 1""")
			.param(id)
			.query()
			.singleRow();
		assertThat(row).containsEntry("actor_name", "dr.quill")
			.containsEntry("actor_roles", "PRESCRIBER")
			.containsEntry("outcome", "SUCCESS")
			.containsEntry("client_address", "127.0.0.1")
			.containsEntry("channel", "API")
			.containsEntry("resource_type", "Patient")
			.containsEntry("data_category", "CLINICAL");
	}

	@Test
	void signInFailuresAreAudited() {
		long before = count("LOGIN_FAILED", "therapist.wren");
		this.api.post("/api/v1/auth/token", Map.of("username", "therapist.wren", "password", "wrong-password"), null);

		assertThat(count("LOGIN_FAILED", "therapist.wren")).isEqualTo(before + 1);
	}

	@Test
	void adminsListAPatientsAuditTrailAndOthersCannot() {
		String token = tokenFor("dr.quill");
		UUID id = newPatient(token);
		this.api.get("/api/v1/patients/" + id, token);

		JsonNode entries = this.api.get("/api/v1/audit?patientId=" + id, tokenFor("admin")).json().get("items");
		assertThat(entries).hasSizeGreaterThanOrEqualTo(2);
		assertThat(entries.get(0).get("action").asString()).isEqualTo("READ");
		assertThat(this.api.get("/api/v1/audit?patientId=" + id, token).status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/audit/verify", token).status()).isEqualTo(403);
	}

	/**
	 * The trigger refuses (as the owner, embedded), or the application role has no such
	 * privilege at all (on a server, kap_app).
	 */
	private static final String REFUSED = "(?s).*(append-only|permission denied).*";

	@Test
	void theDatabaseRefusesToChangeOrDeleteAuditRows() {
		assertThatThrownBy(
				() -> this.jdbc.sql("update audit.entry set detail = 'x' where id = (select min(id) from audit.entry)")
					.update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageMatching(REFUSED);
		assertThatThrownBy(
				() -> this.jdbc.sql("delete from audit.entry where id = (select min(id) from audit.entry)").update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageMatching(REFUSED);
	}

	@Test
	void verificationDetectsAnEditedRowAndPassesOnceRestored() {
		String admin = tokenFor("admin");
		JsonNode clean = this.api.get("/api/v1/audit/verify", admin).json();
		assertThat(clean.get("valid").asBoolean()).isTrue();
		assertThat(clean.get("entries").asLong()).isPositive();
		long victim = this.jdbc.sql("select entry_id from audit.seal order by position desc offset 3 limit 1")
			.query(Long.class)
			.single();
		String original = this.jdbc.sql("select actor_name from audit.entry where id = ?")
			.param(victim)
			.query(String.class)
			.single();

		asSuperuser("update audit.entry set actor_name = 'someone-else' where id = " + victim);
		JsonNode tampered = this.api.get("/api/v1/audit/verify", admin).json();
		asSuperuser("update audit.entry set actor_name = '" + original + "' where id = " + victim);

		assertThat(tampered.get("valid").asBoolean()).isFalse();
		assertThat(tampered.get("firstBrokenId").asLong()).isEqualTo(victim);
		assertThat(this.api.get("/api/v1/audit/verify", admin).json().get("valid").asBoolean()).isTrue();
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void verificationDetectsADeletedAndAReorderedRow() {
		this.queries.verify();
		long[] ids = this.jdbc.sql("select entry_id from audit.seal order by position desc limit 2 offset 2")
			.query(Long.class)
			.list()
			.stream()
			.mapToLong(Long::longValue)
			.toArray();

		ChainVerification deleted = inRolledBackTransaction(() -> {
			asSuperuser("delete from audit.entry where id = " + ids[0]);
			return this.queries.verify();
		});
		ChainVerification swapped = inRolledBackTransaction(() -> {
			asSuperuser("update audit.seal set entry_id = -1 where entry_id = " + ids[0]);
			asSuperuser("update audit.seal set entry_id = " + ids[0] + " where entry_id = " + ids[1]);
			asSuperuser("update audit.seal set entry_id = " + ids[1] + " where entry_id = -1");
			return this.queries.verify();
		});

		assertThat(deleted.valid()).isFalse();
		assertThat(deleted.firstBrokenId()).isEqualTo(ids[0]);
		assertThat(swapped.valid()).isFalse();
		assertThat(swapped.firstBrokenId()).isIn(ids[0], ids[1]);
		assertThat(this.queries.verify().valid()).isTrue();
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void verificationDetectsARowSlippedInBehindTheSealer() {
		this.queries.verify();
		ChainVerification forged = inRolledBackTransaction(() -> {
			this.jdbc.sql("""
					insert into audit.entry (occurred_at, actor_name, action, resource_type, outcome, tx)
					values (now(), 'forger', 'READ', 'Patient', 'SUCCESS', '1')""").update();
			return this.queries.verify();
		});

		assertThat(forged.valid()).isFalse();
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void aBacklogOfSeveralBatchesIsSealedInOneRunAndTheChainHolds() {
		this.jdbc.sql("""
				insert into audit.entry (occurred_at, actor_name, action, resource_type, outcome)
				select now(), 'backlog', 'READ', 'Patient', 'SUCCESS' from generate_series(1, 12000)""").update();

		this.sealer.sealPending();

		assertThat(this.jdbc.sql("""
				select count(*) from audit.entry e
				where actor_name = 'backlog' and not exists (select 1 from audit.seal s where s.entry_id = e.id)""")
			.query(Long.class)
			.single()).as("unsealed after one run").isZero();
		assertThat(this.queries.verify().valid()).isTrue();
	}

	/**
	 * Runs SQL with triggers off, as a database superuser could; in the caller's
	 * transaction if any.
	 */
	private void asSuperuser(String sql) {
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.jdbc.sql("set local role none").update();
			this.jdbc.sql("set local session_replication_role = replica").update();
			this.jdbc.sql(sql).update();
		});
	}

	private <T> T inRolledBackTransaction(java.util.function.Supplier<T> work) {
		return new TransactionTemplate(this.transactions).execute((status) -> {
			status.setRollbackOnly();
			return work.get();
		});
	}

	private long count(String action, String actor) {
		return this.jdbc.sql("select count(*) from audit.entry where action = ? and actor_name = ?")
			.params(action, actor)
			.query(Long.class)
			.single();
	}

	private UUID newPatient(String token) {
		return UUID.fromString(
				this.api
					.post("/api/v1/patients", Map.of("givenName", "Audit", "familyName", "Trailworth", "birthDate",
							"1970-01-01", "confirmDuplicate", true), token)
					.json()
					.get("id")
					.asString());
	}

}
