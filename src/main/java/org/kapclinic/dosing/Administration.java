package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One administration event: START, RATE_CHANGE, PAUSE, RESUME, STOP, ADDITIONAL or DEVICE
 * (esketamine, 28 mg each), with the lot it drew from.
 */
public record Administration(UUID id, String kind, BigDecimal doseMg, BigDecimal rateMgPerHour, UUID lotId,
		UUID ledgerEntryId, String overrideReason, Instant at, Instant recordedAt, UUID recordedBy, boolean late) {

	/** The kinds that put drug into the patient (and draw from a lot). */
	public boolean givesDrug() {
		return givesDrug(this.kind);
	}

	static boolean givesDrug(String kind) {
		return "START".equals(kind) || "ADDITIONAL".equals(kind) || "DEVICE".equals(kind);
	}

}
