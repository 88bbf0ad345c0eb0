package org.kapclinic.audit;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChainHashTests {

	private static final AuditEntry ENTRY = new AuditEntry(7, Instant.parse("2026-11-22T10:15:30.123456Z"),
			UUID.fromString("00000000-0000-4000-8000-000000000001"), "dr.quill", "PRESCRIBER", "READ", "Patient", "p1",
			null, "CLINICAL", "SUCCESS", "127.0.0.1", "API", null);

	private final ChainHash chain = new ChainHash(new AuditKey(new byte[32]));

	@Test
	void everyFieldOfTheEntryIsCovered() {
		String hash = this.chain.next(ChainHash.GENESIS, ENTRY);

		assertThat(hash).hasSize(64).isEqualTo(this.chain.next(ChainHash.GENESIS, ENTRY));
		assertThat(this.chain.next(ChainHash.GENESIS, withActor("nurse.bell"))).isNotEqualTo(hash);
		assertThat(this.chain.next(hash, ENTRY)).as("depends on the previous link").isNotEqualTo(hash);
	}

	@Test
	void aLinkCannotBeComputedWithoutTheKey() {
		byte[] other = new byte[32];
		other[0] = 1;
		String keyed = this.chain.next(ChainHash.GENESIS, ENTRY);

		assertThat(new ChainHash(new AuditKey(other)).next(ChainHash.GENESIS, ENTRY)).isNotEqualTo(keyed);
		assertThat(ChainHash.unkeyed(ChainHash.GENESIS, ENTRY)).as("what the database owner could compute")
			.isNotEqualTo(keyed);
	}

	@Test
	void aKeyShorterThan32BytesIsRefused() {
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> new AuditKey(new byte[16]))
			.withMessageContaining("at least 32 bytes");
	}

	@Test
	void microsecondsOfTheTimestampCount() {
		AuditEntry later = new AuditEntry(7, Instant.parse("2026-11-22T10:15:30.123457Z"), ENTRY.actorId(),
				ENTRY.actorName(), ENTRY.actorRoles(), ENTRY.action(), ENTRY.resourceType(), ENTRY.resourceId(), null,
				ENTRY.dataCategory(), ENTRY.outcome(), ENTRY.clientAddress(), ENTRY.channel(), null);

		assertThat(later.canonical()).isNotEqualTo(ENTRY.canonical());
	}

	@Test
	void theListOfPatientsShownIsSealedAndEntriesWithoutOneHashAsBefore() {
		AuditEntry listed = new AuditEntry(7, ENTRY.occurredAt(), ENTRY.actorId(), ENTRY.actorName(),
				ENTRY.actorRoles(), ENTRY.action(), ENTRY.resourceType(), ENTRY.resourceId(), ENTRY.patientId(),
				ENTRY.dataCategory(), ENTRY.outcome(), ENTRY.clientAddress(), ENTRY.channel(), ENTRY.detail(),
				java.util.List.of(java.util.UUID.fromString("00000000-0000-4000-8000-000000000001")));
		AuditEntry none = new AuditEntry(7, ENTRY.occurredAt(), ENTRY.actorId(), ENTRY.actorName(), ENTRY.actorRoles(),
				ENTRY.action(), ENTRY.resourceType(), ENTRY.resourceId(), ENTRY.patientId(), ENTRY.dataCategory(),
				ENTRY.outcome(), ENTRY.clientAddress(), ENTRY.channel(), ENTRY.detail(), null);

		assertThat(none.canonical()).as("rows sealed before the list existed still verify")
			.isEqualTo(ENTRY.canonical());
		assertThat(listed.canonical()).isNotEqualTo(ENTRY.canonical())
			.endsWith("|patients=00000000-0000-4000-8000-000000000001");
	}

	private static AuditEntry withActor(String actor) {
		return new AuditEntry(7, ENTRY.occurredAt(), ENTRY.actorId(), actor, ENTRY.actorRoles(), ENTRY.action(),
				ENTRY.resourceType(), ENTRY.resourceId(), null, ENTRY.dataCategory(), ENTRY.outcome(),
				ENTRY.clientAddress(), ENTRY.channel(), null);
	}

}
