package org.kapclinic.reports;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AlcoholAbstinenceTests {

	@Test
	@DisplayName("The Wilson interval matches Newcombe 1998 (Stat Med 17:857-872), table II, method 3")
	void wilsonMatchesNewcombesWorkedExamples() {
		assertInterval(81, 263, 0.2553, 0.3662);
		assertInterval(15, 148, 0.0624, 0.1605);
		assertInterval(0, 20, 0.0, 0.1611);
		assertInterval(1, 29, 0.0061, 0.1718);
	}

	@Test
	@DisplayName("Abstinent and not abstinent are hidden together at 10 vs 11 (either gives the other)")
	void smallCountsAreSuppressedWithTheirComplement() {
		AlcoholAbstinence.Window shown = AlcoholAbstinence.Window.of(FollowUpWindow.M12, 22, 11, 11);
		assertThat(shown.abstinent().value()).isEqualTo(11);
		assertThat(shown.rate().value()).isEqualTo(0.5);
		assertThat(shown.ciLow().value()).isLessThan(0.5);
		AlcoholAbstinence.Window hidden = AlcoholAbstinence.Window.of(FollowUpWindow.M12, 21, 11, 11);
		assertThat(hidden.answered().value()).as("21 answered: shown").isEqualTo(21);
		assertThat(hidden.abstinent().suppressed()).as("10 not abstinent would give the 11").isTrue();
		assertThat(hidden.rate().suppressed()).isTrue();
		assertThat(AlcoholAbstinence.Window.of(FollowUpWindow.M1, 0, 0, 11).answered().value())
			.as("no answers: a zero identifies nobody")
			.isZero();
	}

	@Test
	void theViewAppliesToAlcoholUseDisorderCoursesAndToTheItemItself() {
		assertThat(AlcoholAbstinence.applies(filter("AUDIT", "F10"))).isTrue();
		assertThat(AlcoholAbstinence.applies(filter("AUDIT", "f10.20"))).isTrue();
		assertThat(AlcoholAbstinence.applies(filter("ALCOHOL-ABSTINENCE", null))).isTrue();
		assertThat(AlcoholAbstinence.applies(filter("PHQ-9", "F33"))).isFalse();
		assertThat(AlcoholAbstinence.applies(filter("AUDIT", null))).isFalse();
	}

	private static OutcomeFilter filter(String instrument, String condition) {
		return new OutcomeFilter(instrument, null, null, condition, null, null, null, null, null);
	}

	private static void assertInterval(int successes, int n, double low, double high) {
		double[] interval = AlcoholAbstinence.wilson(successes, n);
		assertThat(interval[0]).as(successes + "/" + n + " lower").isCloseTo(low, within(0.00005));
		assertThat(interval[1]).as(successes + "/" + n + " upper").isCloseTo(high, within(0.00005));
	}

}
