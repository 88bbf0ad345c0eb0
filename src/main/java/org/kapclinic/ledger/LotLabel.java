package org.kapclinic.ledger;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a vial's or device's label says of its lot: the NDC, the manufacturer's lot number
 * and expiry. A dose's record carries it (a medication administration record names the
 * lot given, so a recall can find its patients); it says nothing of the stock.
 */
public record LotLabel(UUID lotId, String ndc, String lotNumber, LocalDate expiry) {
}
