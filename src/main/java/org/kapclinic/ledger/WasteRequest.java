package org.kapclinic.ledger;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Stock wasted (a vial's residue, a dropped syringe, expired stock), witnessed.
 *
 * @param dosingSessionId the session the residue comes from, if any
 * @param witness the second person's own credentials
 */
record WasteRequest(UUID lotId, BigDecimal quantityMg, String reason, UUID dosingSessionId,
		WitnessCredentials witness) {
}
