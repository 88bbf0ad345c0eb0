package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A prescriber's order: mg and mg/kg both, the weight used, and for IV the infusion rate.
 * A corrected order before the dose supersedes the earlier one (kept).
 *
 * @param exposureAcknowledgement the cumulative-exposure cautions open at the order and
 * the prescriber's reason for going on (null: none was open)
 */
record DoseOrder(UUID id, BigDecimal doseMg, BigDecimal doseMgPerKg, BigDecimal weightKg, Integer infusionMinutes,
		BigDecimal rateMgPerHour, String overrideReason, Instant orderedAt, UUID orderedBy,
		boolean verificationRequired, Instant verifiedAt, UUID verifiedBy, Instant supersededAt,
		String exposureAcknowledgement) {

	public boolean verified() {
		return !this.verificationRequired || this.verifiedAt != null;
	}

}
