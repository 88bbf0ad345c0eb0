package org.kapclinic.patient;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The latest weight and latest height, each with the moment it was measured (they may
 * come from different visits). Dosing is weight-based, so the date matters as much as the
 * value.
 */
public record LatestBody(BigDecimal weightKg, Instant weightMeasuredAt, BigDecimal heightCm, Instant heightMeasuredAt) {

	static final LatestBody NONE = new LatestBody(null, null, null, null);

}
