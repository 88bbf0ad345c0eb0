package org.kapclinic.measures;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Where a patient stands on one instrument.
 *
 * @param baseline the first complete score (first of the current treatment course once
 * courses exist)
 * @param change latest minus baseline (negative is better on every shipped instrument)
 * @param percentChange the reduction from baseline in percent, (baseline - latest) /
 * baseline (clinical.md 4.2), null when the baseline is 0
 * @param response a reduction of at least 50 %
 * @param remission below the instrument's remission threshold; null where none is defined
 * @param reliableImprovement a drop of at least the instrument's reliable-change amount;
 * null where none is defined
 * @param ruleVersion the version of the rules that produced these judgements
 */
public record MeasurementSummary(String instrument, int measurements, BigDecimal baseline, Instant baselineAt,
		BigDecimal latest, Instant latestAt, BigDecimal change, BigDecimal percentChange, Boolean response,
		Boolean remission, Boolean reliableImprovement, String ruleVersion) {
}
