package org.kapclinic.measures;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One complete administration's total and severity band, as other modules read it (the
 * outcomes report).
 *
 * @param severity the instrument's band code for the total (null where it has no bands)
 */
public record CompleteScore(java.util.UUID patientId, String instrument, Instant administeredAt, BigDecimal total,
		String severity) {
}
