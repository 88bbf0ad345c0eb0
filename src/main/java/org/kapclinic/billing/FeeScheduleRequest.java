package org.kapclinic.billing;

import java.time.LocalDate;
import java.util.List;

/**
 * A new fee schedule version:
 * {@code {"effectiveFrom","currency","note","lines":[{"codeSystem","code",
 * "modifiers","description","priceMinor","unitsRule","appliesTo","overMg","upToMg"}]}}.
 */
public record FeeScheduleRequest(LocalDate effectiveFrom, String currency, String note, List<FeeLine> lines) {
}
