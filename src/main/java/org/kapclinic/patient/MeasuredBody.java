package org.kapclinic.patient;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A weight and/or height measurement in force (not voided), for other systems: either
 * value may be null when only the other was measured.
 */
public record MeasuredBody(UUID id, UUID patientId, BigDecimal weightKg, BigDecimal heightCm, Instant measuredAt,
		Instant recordedAt) {

	static MeasuredBody of(UUID patientId, BodyMeasurement m) {
		return new MeasuredBody(m.id(), patientId, m.weightKg(), m.heightCm(), m.measuredAt(), m.recordedAt());
	}

}
