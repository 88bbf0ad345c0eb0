package org.kapclinic.measures;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One scored administration of an instrument.
 *
 * @param recordedBy the staff member who entered it; null when the patient answered
 * (self-report)
 */
public record Measurement(UUID id, UUID patientId, String instrument, String instrumentVersion, List<Integer> answers,
		BigDecimal total, String severity, Map<String, Integer> subscales, List<String> flags, boolean complete,
		Instant administeredAt, Instant recordedAt, UUID recordedBy) {
}
