package org.kapclinic.safety;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What a lab result's value says against its reference range; the codes are the API's.
 */
public enum LabFlag {

	HIGH("Above the reference range"), LOW("Below the reference range"),
	PRESCRIBER_REVIEW("Above the clinic's multiple of the upper reference limit: prescriber review"),
	POSITIVE("Positive"), HAEMATURIA_REVIEW("Blood in the urine: prescriber review (bladder)");

	private final String label;

	LabFlag(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/**
	 * The flags of {@code value}: PRESCRIBER_REVIEW strictly above {@code multiple} × the
	 * upper limit (3 × 40 U/L: 120.4 is flagged, 120 and 119.6 are not).
	 */
	static List<LabFlag> of(BigDecimal value, BigDecimal low, BigDecimal high, BigDecimal multiple) {
		List<LabFlag> flags = new ArrayList<>();
		if (high != null && value.compareTo(high) > 0) {
			flags.add(HIGH);
		}
		if (low != null && value.compareTo(low) < 0) {
			flags.add(LOW);
		}
		if (high != null && value.compareTo(high.multiply(multiple)) > 0) {
			flags.add(PRESCRIBER_REVIEW);
		}
		return flags;
	}

	/**
	 * The flags of a qualitative result: POSITIVE, and for the urine dipstick's blood a
	 * prescriber review (haematuria with repeated ketamine: the injection label's
	 * ulcerative cystitis warning).
	 */
	static List<LabFlag> of(LabTest test, LabResultValue result) {
		if (result != LabResultValue.POSITIVE) {
			return List.of();
		}
		return (test == LabTest.URINE_BLOOD) ? List.of(POSITIVE, HAEMATURIA_REVIEW) : List.of(POSITIVE);
	}

}
