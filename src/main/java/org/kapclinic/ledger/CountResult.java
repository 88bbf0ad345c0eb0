package org.kapclinic.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored count and how it compares with the running balance.
 *
 * @param status {@code MATCHED} or {@code DISCREPANCY}
 * @param differenceMg counted minus expected
 * @param discrepancyId set for a discrepancy
 */
record CountResult(UUID countId, UUID lotId, String lot, BigDecimal countedMg, BigDecimal expectedMg,
		BigDecimal differenceMg, String status, UUID discrepancyId, Instant countedAt, String countedBy,
		String witness) {
}
