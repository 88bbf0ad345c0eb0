package org.kapclinic.dosing;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.RuleViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DoseCalculatorTests {

	/** A 40-year-old of 70 kg, not at the first esketamine session of a course. */
	private static final DoseCalculator.Dosee SEVENTY = new DoseCalculator.Dosee(new BigDecimal("70.0"), 40, false);

	@Test
	void computesMgFromMgPerKgAndShowsTheInfusionRate() {
		DoseCalculator.ComputedDose dose = DoseCalculator.compute(ProtocolFixtures.iv(),
				new DoseCalculator.Dosee(new BigDecimal("72.4"), 40, false), new BigDecimal("0.5"), null, null,
				BigDecimal.ZERO);
		assertThat(dose.doseMg()).isEqualByComparingTo("36.2");
		assertThat(dose.doseMgPerKg()).isEqualByComparingTo("0.5");
		assertThat(dose.infusionMinutes()).isEqualTo(40);
		assertThat(dose.rateMgPerHour()).isEqualByComparingTo("54.3");
		assertThat(dose.overridden()).isFalse();
	}

	@Test
	void computesMgPerKgFromMg() {
		DoseCalculator.ComputedDose dose = DoseCalculator.compute(ProtocolFixtures.shipped("KAP_SL_KETAMINE"), SEVENTY,
				null, new BigDecimal("100"), null, BigDecimal.ZERO);
		assertThat(dose.doseMgPerKg()).isEqualByComparingTo("1.429");
		assertThat(dose.rateMgPerHour()).isNull();
	}

	@Test
	void theHardMaximumIsReachableButNeverExceededAndHasNoOverride() {
		Protocol iv = ProtocolFixtures.iv();
		assertThat(
				DoseCalculator.compute(iv, SEVENTY, new BigDecimal("1.0"), null, "research protocol", BigDecimal.ZERO)
					.doseMg())
			.isEqualByComparingTo("70.0");
		assertThatThrownBy(
				() -> DoseCalculator.compute(iv, SEVENTY, new BigDecimal("1.001"), null, "any reason", BigDecimal.ZERO))
			.isInstanceOf(RuleViolationException.class)
			.satisfies((ex) -> assertThat(((RuleViolationException) ex).reasons()).singleElement()
				.asString()
				.startsWith("ABOVE_HARD_MAXIMUM"));
	}

	@Test
	void aboveTheSoftMaximumNeedsAReason() {
		Protocol iv = ProtocolFixtures.iv();
		assertThat(DoseCalculator.compute(iv, SEVENTY, new BigDecimal("0.8"), null, null, BigDecimal.ZERO).overridden())
			.as("at the soft maximum")
			.isFalse();
		assertThatThrownBy(
				() -> DoseCalculator.compute(iv, SEVENTY, new BigDecimal("0.81"), null, " ", BigDecimal.ZERO))
			.isInstanceOf(RuleViolationException.class)
			.hasMessageContaining("refused")
			.satisfies((ex) -> assertThat(((RuleViolationException) ex).reasons()).singleElement()
				.asString()
				.startsWith("SOFT_MAXIMUM_REASON_REQUIRED"));
		assertThat(DoseCalculator
			.compute(iv, SEVENTY, new BigDecimal("0.81"), null, "partial response at 0.8", BigDecimal.ZERO)
			.overridden()).isTrue();
	}

	@Test
	void additionalDosesCountTowardTheCeiling() {
		Protocol iv = ProtocolFixtures.iv();
		// 35 mg already given (0.5 mg/kg); 35 more reaches 1.0 mg/kg exactly, 36 passes
		// it.
		assertThat(DoseCalculator.compute(iv, SEVENTY, null, new BigDecimal("35"), "top-up", new BigDecimal("35"))
			.doseMg()).isEqualByComparingTo("35");
		assertThatThrownBy(
				() -> DoseCalculator.compute(iv, SEVENTY, null, new BigDecimal("36"), "top-up", new BigDecimal("35")))
			.isInstanceOf(RuleViolationException.class)
			.hasFieldOrPropertyWithValue("message", "The dose is refused")
			.satisfies((ex) -> assertThat(((RuleViolationException) ex).reasons().get(0)).contains("1.014 mg/kg",
					"35 mg already"));
	}

	@Test
	void esketamineIsGivenInWholeDevicesUpTo84Mg() {
		Protocol esketamine = ProtocolFixtures.esketamine();
		assertThat(
				DoseCalculator.compute(esketamine, SEVENTY, null, new BigDecimal("84"), null, BigDecimal.ZERO).doseMg())
			.isEqualByComparingTo("84");
		assertThatThrownBy(
				() -> DoseCalculator.compute(esketamine, SEVENTY, null, new BigDecimal("70"), null, BigDecimal.ZERO))
			.isInstanceOf(RuleViolationException.class)
			.satisfies(
					(ex) -> assertThat(((RuleViolationException) ex).reasons().get(0)).startsWith("DOSE_NOT_ALLOWED"));
		assertThatThrownBy(
				() -> DoseCalculator.compute(esketamine, SEVENTY, null, new BigDecimal("112"), "x", BigDecimal.ZERO))
			.isInstanceOf(RuleViolationException.class)
			.satisfies((ex) -> assertThat(((RuleViolationException) ex).reasons())
				.anyMatch((r) -> r.startsWith("ABOVE_HARD_MAXIMUM")));
	}

	@Test
	void exactlyOneDoseFieldWhichIsPositive() {
		Protocol iv = ProtocolFixtures.iv();
		assertThatThrownBy(() -> DoseCalculator.compute(iv, SEVENTY, null, null, null, BigDecimal.ZERO))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(
				() -> DoseCalculator.compute(iv, SEVENTY, BigDecimal.ONE, BigDecimal.TEN, null, BigDecimal.ZERO))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(
				() -> DoseCalculator.compute(iv, SEVENTY, new BigDecimal("-0.5"), null, null, BigDecimal.ZERO))
			.isInstanceOf(InvalidInputException.class);
	}

}
