package org.kapclinic.fund;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A recorded donation with its receipt number.
 *
 * @param donorName shown as "Anonymous" in lists when the donor asked for it
 */
public record Donation(UUID id, long receiptNumber, String donorName, boolean anonymous, long amountMinor,
		String currency, String amount, String restriction, String restrictionLabel, LocalDate receivedOn,
		String method, String methodLabel) {
}
