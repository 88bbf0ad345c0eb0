package org.kapclinic.reports;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HIPAA Safe Harbor, 45 CFR 164.514(b)(2)(i)(B) and (C): ages over 89 grouped, geography
 * no finer than the state, dates as days since the first dose; study ids random.
 */
class SafeHarborTests {

	@Test
	void agesOver89AreGroupedAt90() {
		LocalDate firstDose = LocalDate.of(2026, 6, 1);
		assertThat(SafeHarbor.age(LocalDate.of(1936, 6, 2), firstDose)).isEqualTo("89");
		assertThat(SafeHarbor.age(LocalDate.of(1936, 6, 1), firstDose)).isEqualTo("90+");
		assertThat(SafeHarbor.age(LocalDate.of(1921, 1, 1), firstDose)).isEqualTo("90+");
	}

	@Test
	void onlyAUsStateIsKept() {
		assertThat(SafeHarbor.state("Oregon")).isEqualTo("OR");
		assertThat(SafeHarbor.state(" or ")).isEqualTo("OR");
		assertThat(SafeHarbor.state("new york")).isEqualTo("NY");
		assertThat(SafeHarbor.state("Fictional County")).as("not a state: nothing").isEmpty();
		assertThat(SafeHarbor.state(null)).isEmpty();
	}

	@Test
	void datesBecomeWholeDaysSinceTheFirstDoseNegativeBeforeIt() {
		Instant first = Instant.parse("2026-03-10T15:00:00Z");
		assertThat(SafeHarbor.day(first, first)).isZero();
		assertThat(SafeHarbor.day(first, Instant.parse("2026-03-11T14:59:59Z"))).isZero();
		assertThat(SafeHarbor.day(first, Instant.parse("2026-03-11T15:00:00Z"))).isEqualTo(1);
		assertThat(SafeHarbor.day(first, Instant.parse("2026-03-10T14:00:00Z"))).as("an hour before").isEqualTo(-1);
		assertThat(SafeHarbor.day(first, Instant.parse("2027-03-10T15:00:00Z"))).isEqualTo(365);
	}

	@Test
	void studyIdsAreRandom() {
		assertThat(SafeHarbor.studyId()).matches("S[0-9a-f]{16}").isNotEqualTo(SafeHarbor.studyId());
	}

}
