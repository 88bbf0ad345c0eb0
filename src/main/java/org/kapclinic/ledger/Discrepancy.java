package org.kapclinic.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A count that did not match the running balance; {@code OPEN} until an ADMIN resolves it
 * with a reason (usually with an adjustment entry for the difference).
 */
record Discrepancy(UUID id, UUID countId, UUID lotId, String lot, String product, BigDecimal expectedMg,
		BigDecimal countedMg, BigDecimal differenceMg, Instant foundAt, String countedBy, String status,
		Instant resolvedAt, String resolvedBy, String resolution, UUID adjustmentEntryId) {

	public boolean open() {
		return "OPEN".equals(this.status);
	}

}
