package org.kapclinic.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Small-cell suppression for anything the outcomes report shows outside the chart (issue
 * 18): a count, mean or rate computed from fewer than {@code kap.reports.min-cell}
 * patients (11, the threshold of CMS's cell-size suppression policy) is not shown but
 * marked suppressed ("< 11"); zero is shown. And complementary suppression: in a row of
 * counts whose total is shown, one suppressed cell could be worked out as the total minus
 * the others, so the next smallest cell is suppressed with it.
 */
public final class SmallCells {

	public static final int DEFAULT_MIN = 11;

	private SmallCells() {
	}

	/** A figure from {@code patients} patients: shown, or suppressed. */
	public static <T> Cell<T> of(T value, int patients, int min) {
		return small(patients, min) ? Cell.hidden() : Cell.shown(value);
	}

	/**
	 * The cells of one row of counts that adds up to {@code counts}' total, which is
	 * shown beside them when it is at least {@code min}.
	 */
	public static List<Cell<Integer>> row(List<Integer> counts, int min) {
		int total = counts.stream().mapToInt(Integer::intValue).sum();
		boolean[] hidden = new boolean[counts.size()];
		int suppressed = 0;
		for (int i = 0; i < counts.size(); i++) {
			if (small(counts.get(i), min) || small(total, min)) {
				hidden[i] = true;
				suppressed++;
			}
		}
		if (suppressed == 1 && !small(total, min)) {
			IntStream.range(0, counts.size())
				.filter((i) -> !hidden[i])
				.boxed()
				.min(Comparator.comparing(counts::get))
				.ifPresent((i) -> hidden[i] = true);
		}
		List<Cell<Integer>> cells = new ArrayList<>();
		for (int i = 0; i < counts.size(); i++) {
			cells.add(hidden[i] ? Cell.hidden() : Cell.shown(counts.get(i)));
		}
		return cells;
	}

	/**
	 * From 1 to {@code min} − 1 patients: CMS suppresses counts of 1 to 10; a zero
	 * identifies nobody and is shown.
	 */
	static boolean small(int patients, int min) {
		return patients > 0 && patients < min;
	}

	/**
	 * A shown value, or {@code suppressed} with no value. In JSON a shown cell is its
	 * value and a suppressed one {@code {"suppressed": true}} (issue 18).
	 */
	public record Cell<T>(T value, boolean suppressed) {

		@com.fasterxml.jackson.annotation.JsonValue
		public Object json() {
			return this.suppressed ? java.util.Map.of("suppressed", true) : this.value;
		}

		static <T> Cell<T> shown(T value) {
			return new Cell<>(value, false);
		}

		static <T> Cell<T> hidden() {
			return new Cell<>(null, true);
		}

	}

}
