package org.kapclinic.ledger;

import java.math.BigDecimal;
import java.util.UUID;

/** A draw recorded for an administration, with the lot's balance after it. */
public record LedgerDraw(UUID entryId, UUID lotId, BigDecimal mg, BigDecimal balanceAfterMg) {
}
