package org.kapclinic.reports;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.kapclinic.reports.SmallCells.Cell;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Small-cell suppression at its boundary (issue 18: "suppression at n = 10 vs 11,
 * complementary suppression"; the threshold is CMS's cell-size suppression policy).
 */
class SmallCellsTests {

	@Test
	void tenPatientsAreSuppressedElevenAreShown() {
		assertThat(SmallCells.of(12.5, 10, SmallCells.DEFAULT_MIN).suppressed()).isTrue();
		assertThat(SmallCells.of(12.5, 10, SmallCells.DEFAULT_MIN).value()).isNull();
		assertThat(SmallCells.of(12.5, 11, SmallCells.DEFAULT_MIN)).isEqualTo(new Cell<>(12.5, false));
	}

	@Test
	void aLoneSuppressedCountTakesTheNextSmallestWithItSoTheTotalDoesNotGiveItAway() {
		// Responders, partial responders, non-responders: 4 + 30 + 15 = 49 shown as the
		// total. Hiding only the 4 would leave it as 49 − 30 − 15.
		List<Cell<Integer>> row = SmallCells.row(List.of(4, 30, 15), SmallCells.DEFAULT_MIN);
		assertThat(row).extracting(Cell::suppressed).containsExactly(true, false, true);
		assertThat(row.get(1).value()).isEqualTo(30);
	}

	@Test
	void twoSuppressedCountsAlreadyHideEachOther() {
		assertThat(SmallCells.row(List.of(4, 30, 7, 15), SmallCells.DEFAULT_MIN)).extracting(Cell::suppressed)
			.containsExactly(true, false, true, false);
	}

	@Test
	void aRowWhoseTotalIsSmallIsSuppressedWhole() {
		assertThat(SmallCells.row(List.of(3, 4, 2), SmallCells.DEFAULT_MIN)).extracting(Cell::suppressed)
			.containsExactly(true, true, true);
		assertThat(SmallCells.row(List.of(11, 12), SmallCells.DEFAULT_MIN)).extracting(Cell::value)
			.containsExactly(11, 12);
	}

	@Test
	void aZeroIdentifiesNobodyAndIsShownButAnotherSmallCellStillTakesItsComplement() {
		assertThat(SmallCells.of(0, 0, SmallCells.DEFAULT_MIN).suppressed()).isFalse();
		assertThat(SmallCells.row(List.of(22, 0), SmallCells.DEFAULT_MIN)).extracting(Cell::suppressed)
			.containsExactly(false, false);
		assertThat(SmallCells.row(List.of(0, 30, 5), SmallCells.DEFAULT_MIN))
			.as("the 5 and, so it cannot be derived, the 0")
			.extracting(Cell::suppressed)
			.containsExactly(true, false, true);
	}

}
