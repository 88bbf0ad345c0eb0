package org.kapclinic.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A count did not match the running balance; an ADMIN must resolve it. Published in the
 * transaction that stored the count.
 */
record DiscrepancyFound(UUID discrepancyId, UUID lotId, String lot, BigDecimal expectedMg, BigDecimal countedMg,
		Instant countedAt) {
}
