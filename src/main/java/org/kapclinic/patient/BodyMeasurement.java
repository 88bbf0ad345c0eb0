package org.kapclinic.patient;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

/** One weight and/or height measurement as stored. */
record BodyMeasurement(UUID id, BigDecimal weightKg, BigDecimal heightCm, Instant measuredAt, Instant recordedAt,
		UUID recordedBy, Instant voidedAt, String voidReason) {

	/** Body-mass index when both values were measured together, else null. */
	public BigDecimal bmi() {
		if (this.weightKg == null || this.heightCm == null) {
			return null;
		}
		BigDecimal metres = this.heightCm.movePointLeft(2);
		return this.weightKg.divide(metres.multiply(metres), 1, RoundingMode.HALF_UP);
	}

}
