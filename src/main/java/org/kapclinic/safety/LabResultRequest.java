package org.kapclinic.safety;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A lab result as staff record it from the laboratory's report.
 *
 * @param code the test's LOINC code (1742-6 ALT, 1920-8 AST, 2324-2 GGT, 6768-6 alkaline
 * phosphatase, 1975-2 total bilirubin)
 * @param referenceHigh the laboratory's upper reference limit (required: the flags are
 * multiples of it)
 */
public record LabResultRequest(String code, BigDecimal value, String unit, BigDecimal referenceLow,
		BigDecimal referenceHigh, Instant collectedAt) {
}
