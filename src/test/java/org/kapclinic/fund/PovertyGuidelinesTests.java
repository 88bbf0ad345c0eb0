package org.kapclinic.fund;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The household's percent of the HHS poverty guidelines at the table's edges (issue 20):
 * exactly at the guideline is 100 %, a cent under is 99 %; a household of one, of eight
 * (the printed table's last row) and of nine (the per-person increment past it); the year
 * and region chosen. Figures: 2025, 90 FR 5917; 2026, 91 FR 1797
 * (fund/poverty-guidelines.json).
 */
class PovertyGuidelinesTests {

	private final PovertyGuidelines guidelines = new PovertyGuidelines(JsonMapper.builder().build());

	@Test
	void atTheGuidelineIsOneHundredPercentAndACentUnderIsNinetyNine() {
		assertThat(this.guidelines.percent(1, 1_596_000, "CONTIGUOUS", 2026).percent()).isEqualTo(100);
		assertThat(this.guidelines.percent(1, 1_595_999, "CONTIGUOUS", 2026).percent()).isEqualTo(99);
		assertThat(this.guidelines.percent(1, 0, "CONTIGUOUS", 2026).percent()).isZero();
		assertThat(this.guidelines.percent(1, 3_192_000, "CONTIGUOUS", 2026).percent()).isEqualTo(200);
	}

	@Test
	void eightAndNinePersonHouseholdsFollowTheIncrement() {
		// 15,960 + 7 × 5,680 = 55,720; a ninth person adds 5,680 more.
		assertThat(this.guidelines.percent(8, 5_572_000, "CONTIGUOUS", 2026).guidelineMinor()).isEqualTo(5_572_000);
		assertThat(this.guidelines.percent(9, 6_140_000, "CONTIGUOUS", 2026).percent()).isEqualTo(100);
	}

	@Test
	void theLatestYearPublishedForTheRegionApplies() {
		PovertyPercent alaska = this.guidelines.percent(1, 1_955_000, "ALASKA", 2026);
		assertThat(alaska.year()).as("Alaska's 2026 figures are not entered: 2025's apply").isEqualTo(2025);
		assertThat(alaska.percent()).isEqualTo(100);
		assertThat(this.guidelines.percent(2, 2_115_000, "CONTIGUOUS", 2025).percent()).isEqualTo(100);
		assertThat(this.guidelines.percent(4, 1_000_000, "HAWAII", 2025).guidelineMinor()).as("17,990 + 3 × 6,330")
			.isEqualTo(3_698_000);
	}

}
