package org.kapclinic.safety;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A recorded lab result with its test's words and the flags it raised.
 *
 * @param code the LOINC code
 * @param flags HIGH, LOW, PRESCRIBER_REVIEW
 */
public record LabResult(UUID id, UUID patientId, String code, String name, BigDecimal value, String unit,
		BigDecimal referenceLow, BigDecimal referenceHigh, Instant collectedAt, List<LabFlag> flags,
		List<String> flagLabels) {
}
