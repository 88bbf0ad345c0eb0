package org.kapclinic.ledger;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A physical count of a lot.
 *
 * @param witness optional; when given, the second person's credentials are verified
 */
record CountRequest(UUID lotId, BigDecimal countedMg, String note, WitnessCredentials witness) {
}
