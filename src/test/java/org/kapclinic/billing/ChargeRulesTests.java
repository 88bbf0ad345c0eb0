package org.kapclinic.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which lines a service proposes (issue 20). Esketamine visits: G2082 up to 56 mg, G2083
 * over 56 mg (84 FR 62568). IV infusion: 96365 for more than 15 minutes (Palmetto GBA
 * A53778), 96366 for each hour beyond the first once more than 30 minutes of it has run
 * (the 30-minute rule; secondary source).
 */
class ChargeRulesTests {

	private static final FeeSchedule SCHEDULE = new FeeSchedule(null, 1, LocalDate.of(2026, 1, 1), "USD", null,
			Instant.EPOCH,
			List.of(line("HCPCS", "G2082", UnitsRule.PER_SERVICE, "DOSING:IN", null, "56"),
					line("HCPCS", "G2083", UnitsRule.PER_SERVICE, "DOSING:IN", "56", null),
					line("HCPCS", "J0013", UnitsRule.PER_MG, "DOSING:IN", null, null),
					line("CPT", "96365", UnitsRule.INFUSION_FIRST_HOUR, "DOSING:IV", null, null),
					line("CPT", "96366", UnitsRule.INFUSION_ADDITIONAL_HOUR, "DOSING:IV", null, null),
					line("HCPCS", "J3490", UnitsRule.PER_SERVICE, "DOSING:IV", null, null),
					line("CPT", "90837", UnitsRule.PER_SERVICE, "APPOINTMENT:INTEGRATION", null, null)));

	@Test
	void esketamine56MgIsG2082And84MgIsG2083() {
		assertThat(codes("DOSING:IN", "56", 0)).containsExactly("G2082 x1", "J0013 x56");
		assertThat(codes("DOSING:IN", "84", 0)).containsExactly("G2083 x1", "J0013 x84");
		assertThat(codes("DOSING:IN", "28", 0)).containsExactly("G2082 x1", "J0013 x28");
	}

	@Test
	void aFortyMinuteInfusionIsTheFirstHourAndTheDrugLine() {
		assertThat(codes("DOSING:IV", "35", 40)).containsExactly("96365 x1", "J3490 x1");
	}

	@Test
	void theFirstHourNeedsMoreThanFifteenMinutes() {
		assertThat(codes("DOSING:IV", "35", 15)).containsExactly("J3490 x1");
		assertThat(codes("DOSING:IV", "35", 16)).containsExactly("96365 x1", "J3490 x1");
	}

	@Test
	void anAdditionalHourNeedsMoreThanThirtyMinutesBeyondTheLastFullHour() {
		assertThat(codes("DOSING:IV", "35", 90)).containsExactly("96365 x1", "J3490 x1");
		assertThat(codes("DOSING:IV", "35", 91)).containsExactly("96365 x1", "96366 x1", "J3490 x1");
		assertThat(codes("DOSING:IV", "35", 150)).containsExactly("96365 x1", "96366 x1", "J3490 x1");
		assertThat(codes("DOSING:IV", "35", 151)).containsExactly("96365 x1", "96366 x2", "J3490 x1");
	}

	@Test
	void anAppointmentBillsItsTypesLinesOnly() {
		assertThat(codes("APPOINTMENT:INTEGRATION", null, 0)).containsExactly("90837 x1");
		assertThat(codes("APPOINTMENT:INTAKE", null, 0)).isEmpty();
	}

	@Test
	void aDrugLineBillsAPartMilligramAsAWholeUnit() {
		assertThat(UnitsRule.PER_MG.units(new BigDecimal("34.5"), 0, 0)).isEqualTo(35);
	}

	@Test
	void aMonitoredHourIsReachedPastItsMidpoint() {
		assertThat(UnitsRule.PER_HOUR_MONITORED.units(null, 0, 30)).isZero();
		assertThat(UnitsRule.PER_HOUR_MONITORED.units(null, 0, 31)).isEqualTo(1);
		assertThat(UnitsRule.PER_HOUR_MONITORED.units(null, 0, 90)).isEqualTo(1);
		assertThat(UnitsRule.PER_HOUR_MONITORED.units(null, 0, 91)).isEqualTo(2);
	}

	@Test
	void aChargeIsUnitsTimesPriceExactly() {
		FeeSchedule.Proposal drug = SCHEDULE.propose("DOSING:IN", new BigDecimal("84"), 0, 0).get(1);
		assertThat(drug.amountMinor()).isEqualTo(84L * 1_234);
	}

	private static List<String> codes(String service, String doseMg, long minutes) {
		return SCHEDULE.propose(service, (doseMg == null) ? null : new BigDecimal(doseMg), minutes, 0)
			.stream()
			.map((p) -> p.line().code() + " x" + p.units())
			.toList();
	}

	private static FeeLine line(String system, String code, UnitsRule rule, String service, String overMg,
			String upToMg) {
		return new FeeLine(system, code, List.of(), "test line " + code, 1_234, rule, List.of(service),
				(overMg == null) ? null : new BigDecimal(overMg), (upToMg == null) ? null : new BigDecimal(upToMg));
	}

}
