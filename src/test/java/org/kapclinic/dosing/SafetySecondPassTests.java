package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.kapclinic.dosing.DoseCalculator.Dosee;
import org.kapclinic.shared.RuleViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 13's dosing rules at their boundaries, without a database: the infusion rate cap,
 * the sublingual mg/kg ceiling, exact esketamine doses and the induction day-1 dose, and
 * the pre-dose blood-pressure ceiling.
 */
class SafetySecondPassTests {

	private static final BigDecimal EIGHTY = new BigDecimal("80.0");

	private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");

	@Test
	@DisplayName("Rate cap 1.5 mg/kg/h (Fava 2020, 1.0 mg/kg over 40 min): exactly at the cap is accepted, 0.01 mg/kg/h above refused ABOVE_MAX_RATE")
	void rateChangeAtTheCap() {
		Protocol iv = ProtocolFixtures.iv();
		InfusionRules.requireWithinCap(iv, new BigDecimal("120.0"), EIGHTY);
		assertThatThrownBy(() -> InfusionRules.requireWithinCap(iv, new BigDecimal("120.8"), EIGHTY))
			.isInstanceOf(RuleViolationException.class)
			.satisfies((ex) -> assertThat(reasons(ex)).singleElement()
				.asString()
				.startsWith("ABOVE_MAX_RATE")
				.contains("1.51 mg/kg/h"));
	}

	@Test
	@DisplayName("The order's computed rate obeys the same cap (Fava 2020): 1.0 mg/kg over 40 min is 1.5 mg/kg/h, accepted")
	void orderRateObeysTheCap() {
		DoseCalculator.ComputedDose dose = DoseCalculator.compute(ProtocolFixtures.iv(), adult(EIGHTY),
				new BigDecimal("1.0"), null, "research arm", BigDecimal.ZERO);
		assertThat(dose.rateMgPerKgPerHour()).isEqualByComparingTo("1.5");
		Protocol slower = ProtocolFixtures.with("IV_KETAMINE", (p) -> p.put("maxRateMgPerKgPerHour", 1.0));
		assertThatThrownBy(() -> DoseCalculator.compute(slower, adult(EIGHTY), new BigDecimal("0.7"), null,
				"above soft", BigDecimal.ZERO))
			.isInstanceOf(RuleViolationException.class)
			.satisfies((ex) -> assertThat(reasons(ex)).singleElement().asString().startsWith("ABOVE_MAX_RATE"));
		assertThat(DoseCalculator.compute(slower, adult(EIGHTY), new BigDecimal("0.666"), null, null, BigDecimal.ZERO)
			.rateMgPerKgPerHour()).isEqualByComparingTo("0.999");
	}

	@Test
	@DisplayName("A stored IV version without a rate cap gets the documented default 1.5 mg/kg/h")
	void oldVersionsGetTheDefaultCap() {
		Protocol v1 = ProtocolFixtures.with("IV_KETAMINE", (p) -> p.remove("maxRateMgPerKgPerHour"));
		assertThat(v1.maxRate()).isEqualByComparingTo("1.5");
	}

	@Test
	@DisplayName("SL mg/kg ceiling (5 mg/kg, unverified default; Andrade 2019 bioavailability): 225 mg at 45 kg accepted, 226 mg and 400 mg refused")
	void sublingualMgPerKgCeiling() {
		Protocol sl = ProtocolFixtures.shipped("KAP_SL_KETAMINE");
		Dosee small = adult(new BigDecimal("45.0"));
		assertThat(DoseCalculator.compute(sl, small, null, new BigDecimal("225"), null, BigDecimal.ZERO).doseMg())
			.isEqualByComparingTo("225");
		for (String mg : List.of("226", "400")) {
			assertThatThrownBy(
					() -> DoseCalculator.compute(sl, small, null, new BigDecimal(mg), "reason", BigDecimal.ZERO))
				.as(mg + " mg")
				.isInstanceOf(RuleViolationException.class)
				.satisfies((ex) -> assertThat(reasons(ex))
					.anyMatch((r) -> r.startsWith("ABOVE_HARD_MAXIMUM") && r.contains("5.0 mg/kg")));
		}
		assertThat(DoseCalculator.compute(sl, adult(EIGHTY), null, new BigDecimal("400"), "reason", BigDecimal.ZERO)
			.doseMg()).as("400 mg at 80 kg is 5.0 mg/kg").isEqualByComparingTo("400");
	}

	@Test
	@DisplayName("Esketamine doses are exact (Spravato PI): 56 mg accepted, 56.5 mg refused DOSE_NOT_ALLOWED, 28 mg refused below 65")
	void esketamineDosesAreExact() {
		Protocol esk = ProtocolFixtures.esketamine();
		assertThat(DoseCalculator.compute(esk, adult(EIGHTY), null, new BigDecimal("56.0"), null, BigDecimal.ZERO)
			.doseMg()).isEqualByComparingTo("56");
		for (String mg : List.of("56.5", "28")) {
			assertThatThrownBy(
					() -> DoseCalculator.compute(esk, adult(EIGHTY), null, new BigDecimal(mg), null, BigDecimal.ZERO))
				.as(mg + " mg")
				.isInstanceOf(RuleViolationException.class)
				.satisfies((ex) -> assertThat(reasons(ex)).singleElement().asString().startsWith("DOSE_NOT_ALLOWED"));
		}
	}

	@Test
	@DisplayName("28 mg esketamine only where the protocol enables the from-65 option (HK/EU labeling): 64 refused, 65 accepted; off by default")
	void twentyEightMgFrom65WhenEnabled() {
		Protocol regional = ProtocolFixtures.with("ESKETAMINE_REMS", (p) -> p.putArray("dosesFromAge65Mg").add(28));
		assertThat(DoseCalculator
			.compute(regional, new Dosee(EIGHTY, 65, true), null, new BigDecimal("28"), "HK label day 1",
					BigDecimal.ZERO)
			.doseMg()).isEqualByComparingTo("28");
		assertThatThrownBy(() -> DoseCalculator.compute(regional, new Dosee(EIGHTY, 64, false), null,
				new BigDecimal("28"), null, BigDecimal.ZERO))
			.isInstanceOf(RuleViolationException.class)
			.satisfies((ex) -> assertThat(reasons(ex)).singleElement().asString().startsWith("DOSE_NOT_ALLOWED"));
		assertThatThrownBy(() -> DoseCalculator.compute(ProtocolFixtures.esketamine(), new Dosee(EIGHTY, 70, false),
				null, new BigDecimal("28"), null, BigDecimal.ZERO))
			.isInstanceOf(RuleViolationException.class);
	}

	@Test
	@DisplayName("First esketamine session of a course is 56 mg (Spravato PI induction day 1): 84 mg needs a written reason")
	void inductionDayOne() {
		Protocol esk = ProtocolFixtures.esketamine();
		Dosee first = new Dosee(EIGHTY, 40, true);
		assertThat(DoseCalculator.compute(esk, first, null, new BigDecimal("56"), null, BigDecimal.ZERO).overridden())
			.isFalse();
		assertThatThrownBy(() -> DoseCalculator.compute(esk, first, null, new BigDecimal("84"), null, BigDecimal.ZERO))
			.isInstanceOf(RuleViolationException.class)
			.satisfies((
					ex) -> assertThat(reasons(ex)).singleElement().asString().startsWith("FIRST_DOSE_REASON_REQUIRED"));
		assertThat(DoseCalculator
			.compute(esk, first, null, new BigDecimal("84"), "MDD with acute suicidal ideation", BigDecimal.ZERO)
			.overridden()).isTrue();
		assertThat(DoseCalculator.compute(esk, adult(EIGHTY), null, new BigDecimal("84"), null, BigDecimal.ZERO)
			.overridden()).as("a later session").isFalse();
	}

	@Test
	@DisplayName("Pre-dose ceiling 180/110 (Ketalar label §4, clinic default): 179/109 is an ordinary hold, 180/90 and 150/110 hold at the ceiling")
	void preDoseCeilingBoundary() {
		Protocol iv = ProtocolFixtures.iv();
		Duration rest = Duration.ofMinutes(10);
		assertThat(PreDoseHold.decide(iv.hold(), rest, session(false, null).hold(), reading(179, 109, T0)).outcome())
			.isEqualTo(PreDoseHold.Outcome.HOLD);
		assertThat(PreDoseHold.decide(iv.hold(), rest, session(false, null).hold(), reading(180, 90, T0)).outcome())
			.isEqualTo(PreDoseHold.Outcome.CEILING_HOLD);
		assertThat(PreDoseHold.decide(iv.hold(), rest, session(false, null).hold(), reading(150, 110, T0)).outcome())
			.isEqualTo(PreDoseHold.Outcome.CEILING_HOLD);
		assertThat(PreDoseHold.decide(iv.hold(), rest, session(false, null).hold(), reading(140, 90, T0)).outcome())
			.as("140/90 is within the hold thresholds")
			.isEqualTo(PreDoseHold.Outcome.UNCHANGED);
	}

	@Test
	@DisplayName("A ceiling hold is released only by a recheck below the ceiling after rest (issue 13): too soon keeps it, after rest it becomes an ordinary hold or is released")
	void ceilingHoldNeedsARecheckAfterRest() {
		Protocol iv = ProtocolFixtures.iv();
		Duration rest = Duration.ofMinutes(10);
		DosingSession ceiling = session(true, T0);
		assertThat(PreDoseHold.decide(iv.hold(), rest, ceiling.hold(), reading(130, 80, T0.plus(Duration.ofMinutes(9))))
			.outcome()).isEqualTo(PreDoseHold.Outcome.TOO_SOON);
		assertThat(PreDoseHold.decide(iv.hold(), rest, ceiling.hold(), reading(150, 95, T0.plus(rest))).outcome())
			.isEqualTo(PreDoseHold.Outcome.HOLD);
		assertThat(PreDoseHold.decide(iv.hold(), rest, ceiling.hold(), reading(130, 80, T0.plus(rest))).outcome())
			.isEqualTo(PreDoseHold.Outcome.RELEASE);
		assertThat(PreDoseHold.decide(iv.hold(), rest, ceiling.hold(), reading(185, 100, T0.plus(rest))).outcome())
			.as("still at the ceiling: the rest starts again")
			.isEqualTo(PreDoseHold.Outcome.CEILING_HOLD);
	}

	private static Dosee adult(BigDecimal kg) {
		return new Dosee(kg, 40, false);
	}

	private static List<String> reasons(Throwable ex) {
		return ((RuleViolationException) ex).reasons();
	}

	private static Vitals reading(int systolic, int diastolic, Instant at) {
		return new Vitals(UUID.randomUUID(), true, systolic, diastolic, 80, 98, 14, at, at, UUID.randomUUID(), false);
	}

	private static DosingSession session(boolean held, Instant ceilingAt) {
		return new DosingSession(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
				"IV_KETAMINE", 2, "IV_INFUSION", Route.IV, SessionState.PRE_DOSE_CHECKS, EIGHTY, T0, Map.of(), true,
				List.of(), held, held ? "held" : null, null, null, null, null, null, null, T0, UUID.randomUUID(), 1,
				null, ceilingAt);
	}

}
