package org.kapclinic.safety;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lab flags at their edges (issue 19): a transaminase strictly above 3 × the upper
 * reference limit flags the prescriber (FDA, Drug-Induced Liver Injury: Premarketing
 * Clinical Evaluation, 2009), bilirubin above 2 × (the same guidance's Hy's law), and a
 * clinic's own multiple replaces the default.
 */
class LabFlagTests {

	private static final BigDecimal ULN = new BigDecimal("40");

	@Test
	@DisplayName("ALT 3.01 × ULN flags the prescriber, 2.99 × and exactly 3 × do not (FDA DILI guidance 2009)")
	void transaminasesFlagStrictlyAboveThreeTimesTheUpperLimit() {
		BigDecimal three = new SafetySettings(null, null, null, null, null, null).flagMultiple(LabTest.ALT);
		assertThat(three).isEqualByComparingTo("3");
		assertThat(LabFlag.of(new BigDecimal("120.4"), new BigDecimal("7"), ULN, three)).containsExactly(LabFlag.HIGH,
				LabFlag.PRESCRIBER_REVIEW);
		assertThat(LabFlag.of(new BigDecimal("119.6"), new BigDecimal("7"), ULN, three)).containsExactly(LabFlag.HIGH);
		assertThat(LabFlag.of(new BigDecimal("120"), new BigDecimal("7"), ULN, three)).containsExactly(LabFlag.HIGH);
		assertThat(LabFlag.of(new BigDecimal("40"), new BigDecimal("7"), ULN, three)).isEmpty();
		assertThat(LabFlag.of(new BigDecimal("6"), new BigDecimal("7"), ULN, three)).containsExactly(LabFlag.LOW);
	}

	@Test
	void bilirubinFlagsAboveTwiceTheUpperLimitAndAClinicMayChooseItsOwnMultiple() {
		SafetySettings defaults = new SafetySettings(null, null, null, null, null, null);
		BigDecimal bilirubinUln = new BigDecimal("1.2");
		assertThat(LabFlag.of(new BigDecimal("2.41"), null, bilirubinUln, defaults.flagMultiple(LabTest.BILIRUBIN)))
			.contains(LabFlag.PRESCRIBER_REVIEW);
		assertThat(LabFlag.of(new BigDecimal("2.39"), null, bilirubinUln, defaults.flagMultiple(LabTest.BILIRUBIN)))
			.doesNotContain(LabFlag.PRESCRIBER_REVIEW);
		SafetySettings clinic = new SafetySettings(null, Map.of("1742-6", new BigDecimal("5")), null, null, null, null);
		assertThat(LabFlag.of(new BigDecimal("150"), null, ULN, clinic.flagMultiple(LabTest.ALT)))
			.containsExactly(LabFlag.HIGH);
		assertThat(clinic.flagMultiple(LabTest.AST)).as("other tests keep their default").isEqualByComparingTo("3");
	}

}
