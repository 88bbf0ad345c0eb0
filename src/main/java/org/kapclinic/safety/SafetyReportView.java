package org.kapclinic.safety;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.kapclinic.reports.SmallCells.Cell;

/**
 * The clinic's long-term safety report (issue 19): patients counted per line, each count
 * from 1 to {@code minCell} − 1 suppressed as in the outcomes report.
 *
 * @param since the first day the screens, flags and signals are counted from
 * ({@code days} back)
 * @param maintenance patients on maintenance, reviews overdue, reviews due within the
 * notice (as of now)
 * @param screens positive bladder checklists and urine blood in the period
 * @param labFlags patients with a lab result flagged each way in the period
 * @param misuseSignals patients with each misuse signal in the period
 */
public record SafetyReportView(Instant asOf, int days, LocalDate since, int minCell, List<Line> maintenance,
		List<Line> screens, List<Line> labFlags, List<Line> misuseSignals) {

	/**
	 * One line: its code, its words and how many patients.
	 *
	 * @param patients the count, or {@code {"suppressed": true}}
	 */
	public record Line(String code, String label, Cell<Integer> patients) {
	}

}
