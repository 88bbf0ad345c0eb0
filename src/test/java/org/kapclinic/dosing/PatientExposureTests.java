package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import org.kapclinic.dosing.SessionReads.GivenDose;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cumulative exposure (issue 19) at the edges of its windows and of the clinic's caution
 * thresholds (kap.safety.exposure.*: 8 sessions in 30 days, from the Spravato induction
 * schedule of twice weekly for four weeks, clinical.md §2.2; 6.0 mg/kg of racemic
 * ketamine in 90 days, clinic policy).
 */
class PatientExposureTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

	private static final ExposureSettings DEFAULTS = new ExposureSettings(null, null);

	@Test
	void theLast30DaysAreTodayAndThe29DaysBefore() {
		List<GivenDose> doses = List.of(dose(29, Route.IV, "40", "0.5"), dose(30, Route.IV, "40", "0.5"),
				dose(89, Route.IM, "70", "1.0"), dose(90, Route.IM, "70", "1.0"), dose(364, Route.SL, "200", "2.5"),
				dose(365, Route.SL, "200", "2.5"));
		PatientExposure exposure = PatientExposure.of(UUID.randomUUID(), doses, TODAY, DEFAULTS);
		assertThat(window(exposure, "30D").all().sessions()).as("29 days ago in, 30 out").isEqualTo(1);
		assertThat(window(exposure, "90D").all().sessions()).as("89 days ago in, 90 out").isEqualTo(3);
		assertThat(window(exposure, "365D").all().sessions()).as("364 days ago in, 365 out").isEqualTo(5);
		assertThat(window(exposure, "LIFETIME").all().sessions()).isEqualTo(6);
		assertThat(window(exposure, "LIFETIME").all().totalMg()).isEqualByComparingTo("620");
		assertThat(window(exposure, "LIFETIME").all().totalMgPerKg()).isEqualByComparingTo("8.0");
		assertThat(window(exposure, "90D").byRoute()).extracting(PatientExposure.Part::code)
			.containsExactly("IV", "IM");
	}

	@Test
	void esketamineCountsInMgButNotInMgPerKg() {
		List<GivenDose> doses = List.of(dose(1, Route.IN, "84", "1.05"), dose(4, Route.IV, "40", "0.5"));
		PatientExposure.Window month = window(PatientExposure.of(UUID.randomUUID(), doses, TODAY, DEFAULTS), "30D");
		assertThat(month.all().totalMg()).isEqualByComparingTo("124");
		assertThat(month.all().totalMgPerKg()).as("the fixed-dose spray has no meaningful mg/kg")
			.isEqualByComparingTo("0.5");
		assertThat(month.byProduct()).extracting(PatientExposure.Part::label)
			.containsExactly("Racemic ketamine", "Esketamine (Spravato)");
		assertThat(month.byProduct().get(1).totals().totalMgPerKg()).isNull();
	}

	@Test
	@DisplayName("A caution above 8 sessions in 30 days (Spravato induction: twice weekly for 4 weeks)")
	void eightSessionsIn30DaysAreTheLabelledMaximumNineRaiseACaution() {
		List<GivenDose> eight = new ArrayList<>();
		for (int day = 0; day < 8; day++) {
			eight.add(dose(day * 3, Route.IN, "56", "0.7"));
		}
		assertThat(PatientExposure.of(UUID.randomUUID(), eight, TODAY, DEFAULTS).cautions()).isEmpty();
		List<GivenDose> nine = new ArrayList<>(eight);
		nine.add(dose(29, Route.IN, "56", "0.7"));
		assertThat(PatientExposure.of(UUID.randomUUID(), nine, TODAY, DEFAULTS).cautions())
			.extracting(PatientExposure.Caution::code)
			.containsExactly("SESSIONS_30_DAYS");
	}

	@Test
	@DisplayName("A caution above 6.0 mg/kg of racemic ketamine in 90 days (clinic policy, configurable)")
	void sixMgPerKgIn90DaysIsTheLimitAndAHundredthMoreRaisesACaution() {
		List<GivenDose> six = List.of(dose(10, Route.IM, "100", "2.0"), dose(40, Route.IM, "100", "2.0"),
				dose(80, Route.IM, "100", "2.0"));
		assertThat(PatientExposure.of(UUID.randomUUID(), six, TODAY, DEFAULTS).cautions()).isEmpty();
		List<GivenDose> more = List.of(dose(10, Route.IM, "100", "2.0"), dose(40, Route.IM, "100", "2.0"),
				dose(89, Route.IM, "100", "2.01"));
		PatientExposure exposure = PatientExposure.of(UUID.randomUUID(), more, TODAY, DEFAULTS);
		assertThat(exposure.cautions()).extracting(PatientExposure.Caution::code).containsExactly("MG_PER_KG_90_DAYS");
		assertThat(exposure.cautions().get(0).message()).contains("6.01 mg/kg", "more than 6",
				"the clinic's caution threshold");
		assertThat(PatientExposure.of(UUID.randomUUID(), more, TODAY, new ExposureSettings(8, new BigDecimal("7")))
			.cautions()).as("a clinic that sets its own threshold").isEmpty();
	}

	private static PatientExposure.Window window(PatientExposure exposure, String code) {
		return exposure.windows().stream().filter((w) -> w.code().equals(code)).findFirst().orElseThrow();
	}

	private static GivenDose dose(int daysAgo, Route route, String mg, String mgPerKg) {
		return new GivenDose(UUID.randomUUID(), TODAY.minusDays(daysAgo), "P", route, new BigDecimal(mg),
				new BigDecimal(mgPerKg));
	}

}
