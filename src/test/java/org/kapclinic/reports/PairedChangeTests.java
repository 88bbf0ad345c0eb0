package org.kapclinic.reports;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The outcome statistics against values computed by hand (issue 18, "each formula tested
 * against hand-computed values"): six synthetic patients' PHQ-9 totals before and after.
 * The changes are −10, −6, −2, −6, −11, −1: mean −6, SD √(82/5) = 4.0497; t = −6 /
 * (4.0497 / √6) = −3.6292 on 5 degrees of freedom, two-sided p = 0.01507 (regularised
 * incomplete beta I_{5/(5+t²)}(2.5, 0.5), integrated numerically); 95 % CI −6 ± 2.5706 ×
 * 4.0497 / √6 (t₀.₉₇₅,₅ = 2.5706 from the tables) = [−10.2499, −1.7501]; d_z = −6 /
 * 4.0497 = −1.4816; d_av = −6 / ((3.6194 + 4.0866) / 2) = −1.5572.
 */
class PairedChangeTests {

	private static final List<Double> BASELINE = List.of(20.0, 18.0, 22.0, 15.0, 25.0, 17.0);

	private static final List<Double> FOLLOW_UP = List.of(10.0, 12.0, 20.0, 9.0, 14.0, 16.0);

	@Test
	void meansSpreadsIntervalTestAndEffectSizesMatchTheHandComputation() {
		PairedChange change = PairedChange.of(BASELINE, FOLLOW_UP);
		assertThat(change.n()).isEqualTo(6);
		assertThat(change.baselineMean()).isEqualTo(19.5);
		assertThat(change.baselineSd()).isCloseTo(3.61939, within(1e-5));
		assertThat(change.followUpMean()).isEqualTo(13.5);
		assertThat(change.followUpSd()).isCloseTo(4.08656, within(1e-5));
		assertThat(change.changeMean()).isEqualTo(-6.0);
		assertThat(change.changeSd()).isCloseTo(4.04969, within(1e-5));
		assertThat(change.ciLow()).isCloseTo(-10.24989, within(1e-4));
		assertThat(change.ciHigh()).isCloseTo(-1.75011, within(1e-4));
		assertThat(change.p()).isCloseTo(0.015074, within(1e-5));
		assertThat(change.dz()).isCloseTo(-1.48159, within(1e-5));
		assertThat(change.dav()).isCloseTo(-1.55724, within(1e-5));
	}

	@Test
	void oneAnswerOrNoSpreadGivesNoTestRatherThanADivisionByZero() {
		PairedChange alone = PairedChange.of(List.of(20.0), List.of(10.0));
		assertThat(alone.n()).isEqualTo(1);
		assertThat(alone.changeMean()).isEqualTo(-10.0);
		assertThat(alone.p()).isNull();
		assertThat(alone.ciLow()).isNull();

		PairedChange same = PairedChange.of(List.of(20.0, 18.0), List.of(15.0, 13.0));
		assertThat(same.changeSd()).isZero();
		assertThat(same.p()).isNull();
		assertThat(same.dz()).isNull();
		assertThat(same.dav()).isCloseTo(-5 / Math.sqrt(2), within(1e-9));
	}

}
