package org.kapclinic.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Stock per lot as of the end of {@code date} in the clinic's time zone, with the
 * movements from the start of {@code from} (by default the same day). Movements count at
 * the time the stock moved; a correction counts at the time of the entry it corrects.
 */
record Inventory(LocalDate from, LocalDate date, String timeZone, Instant periodStart, Instant asOf,
		Instant generatedAt, String generatedBy, List<Line> lots) {

	/** One lot: opening + received − drawn − wasted + adjusted + corrected = closing. */
	public record Line(UUID lotId, String product, String ndc, String lot, LocalDate expiry,
			BigDecimal concentrationMgPerMl, String location, BigDecimal openingMg, BigDecimal receivedMg,
			BigDecimal drawnMg, BigDecimal wastedMg, BigDecimal adjustedMg, BigDecimal correctedMg,
			BigDecimal closingMg) {
	}

}
