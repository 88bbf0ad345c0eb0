package org.kapclinic.audit;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChainHashTests {

	private static final AuditEntry ENTRY = new AuditEntry(7, Instant.parse("2026-11-22T10:15:30.123456Z"),
			UUID.fromString("00000000-0000-4000-8000-000000000001"), "dr.quill", "PRESCRIBER", "READ", "Patient", "p1",
			null, "CLINICAL", "SUCCESS", "127.0.0.1", "API", null);

	@Test
	void everyFieldOfTheEntryIsCovered() {
		String hash = ChainHash.next(ChainHash.GENESIS, ENTRY);

		assertThat(hash).hasSize(64).isEqualTo(ChainHash.next(ChainHash.GENESIS, ENTRY));
		assertThat(ChainHash.next(ChainHash.GENESIS, withActor("nurse.bell"))).isNotEqualTo(hash);
		assertThat(ChainHash.next(hash, ENTRY)).as("depends on the previous link").isNotEqualTo(hash);
	}

	@Test
	void microsecondsOfTheTimestampCount() {
		AuditEntry later = new AuditEntry(7, Instant.parse("2026-11-22T10:15:30.123457Z"), ENTRY.actorId(),
				ENTRY.actorName(), ENTRY.actorRoles(), ENTRY.action(), ENTRY.resourceType(), ENTRY.resourceId(), null,
				ENTRY.dataCategory(), ENTRY.outcome(), ENTRY.clientAddress(), ENTRY.channel(), null);

		assertThat(later.canonical()).isNotEqualTo(ENTRY.canonical());
	}

	private static AuditEntry withActor(String actor) {
		return new AuditEntry(7, ENTRY.occurredAt(), ENTRY.actorId(), actor, ENTRY.actorRoles(), ENTRY.action(),
				ENTRY.resourceType(), ENTRY.resourceId(), null, ENTRY.dataCategory(), ENTRY.outcome(),
				ENTRY.clientAddress(), ENTRY.channel(), null);
	}

}
