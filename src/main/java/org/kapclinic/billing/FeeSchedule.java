package org.kapclinic.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A published fee schedule: versions are never edited; the one in force on a day is the
 * latest effective on or before it.
 */
public record FeeSchedule(UUID id, int version, LocalDate effectiveFrom, String currency, String note,
		Instant publishedAt, List<FeeLine> lines) {

	/** The lines a service bills, with their units (lines with none left out). */
	List<Proposal> propose(String service, java.math.BigDecimal doseMg, long infusionMinutes, long monitoredMinutes) {
		return this.lines.stream()
			.map((line) -> new Proposal(line, line.unitsFor(service, doseMg, infusionMinutes, monitoredMinutes)))
			.filter((p) -> p.units() > 0)
			.toList();
	}

	/** A line to charge and how many units. */
	record Proposal(FeeLine line, int units) {

		long amountMinor() {
			return Math.multiplyExact(this.line.priceMinor(), (long) this.units);
		}

	}

}
