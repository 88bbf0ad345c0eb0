package org.kapclinic.safety;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A recorded lab result with its test's words and the flags it raised.
 *
 * @param code the LOINC code
 * @param value a numeric test's value (null for a positive/negative test)
 * @param result a qualitative test's POSITIVE or NEGATIVE (null for a numeric test)
 * @param flags HIGH, LOW, PRESCRIBER_REVIEW, POSITIVE, HAEMATURIA_REVIEW
 * @param voidReason why it was voided (null while it stands)
 */
public record LabResult(UUID id, UUID patientId, String code, String name, BigDecimal value, String unit,
		BigDecimal referenceLow, BigDecimal referenceHigh, Instant collectedAt, List<LabFlag> flags,
		List<String> flagLabels, LabResultValue result, String resultLabel, String voidReason) {

	/** The value as staff read it: "41 U/L" or "Positive". */
	public String reading() {
		if (this.result != null) {
			return this.resultLabel;
		}
		return this.value.stripTrailingZeros().toPlainString() + " " + this.unit;
	}

	/**
	 * The reference range as written on reports ("7–40"), blank for a qualitative test.
	 */
	public String range() {
		if (this.referenceHigh == null) {
			return "";
		}
		return ((this.referenceLow != null) ? this.referenceLow.stripTrailingZeros().toPlainString() : "") + "–"
				+ this.referenceHigh.stripTrailingZeros().toPlainString();
	}

}
