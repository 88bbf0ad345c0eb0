package org.kapclinic.measures;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Where a patient stands on one instrument, judged by that instrument's published outcome
 * definitions ({@code response}, {@code remission}, {@code meaningfulChange},
 * {@code reliableChange} in its file). A judgement is null where the instrument publishes
 * no definition, never false.
 *
 * @param baseline the baseline total: the last complete administration on or before the
 * course's first dose (within {@code kap.measures.baseline-window}); the first complete
 * administration when no course dose is recorded
 * @param change latest minus baseline (negative is better on every shipped instrument)
 * @param percentChange the reduction from baseline in percent, (baseline - latest) /
 * baseline (clinical.md 4.2), null when the baseline is 0
 * @param response the instrument's response definition met (PHQ-9 >= 50 %, Y-BOCS >= 35
 * %, PCL-5 >= 10 points)
 * @param remission the latest total within the instrument's remission threshold
 * @param reliableImprovement kept for existing clients: the same as
 * {@code reliableChange.met}
 * @param meaningfulChange the instrument's meaningful-change judgement and its kind
 * (PCL-5: a minimal important difference, Blanchard 2023)
 * @param reliableChange the drop beyond measurement error (PCL-5 reliable change index,
 * Marx 2022; PHQ-9/GAD-7 NHS Talking Therapies reliable improvement)
 * @param baselineUsed which administration served as baseline and by which rule
 * @param courseId the treatment course the summary is about; null without recorded course
 * doses
 * @param ruleVersion the version of the rules that produced these judgements
 */
public record MeasurementSummary(String instrument, int measurements, BigDecimal baseline, Instant baselineAt,
		BigDecimal latest, Instant latestAt, BigDecimal change, BigDecimal percentChange, Boolean response,
		Boolean remission, Boolean reliableImprovement, ChangeJudgement meaningfulChange,
		ChangeJudgement reliableChange, BaselineUsed baselineUsed, UUID courseId, String ruleVersion) {

	/**
	 * @param kind MINIMAL_IMPORTANT_DIFFERENCE, RELIABLE_CHANGE_INDEX,
	 * RELIABLE_IMPROVEMENT or CLINIC_SETTING (a configured amount where nothing is
	 * published)
	 * @param points the drop from baseline that meets it
	 * @param met null when there is no baseline or no latest score
	 */
	public record ChangeJudgement(String kind, BigDecimal points, Boolean met, String source) {
	}

	/**
	 * @param rule FIRST_COMPLETE (no course dose recorded) or LAST_BEFORE_FIRST_DOSE
	 * @param total null when no administration qualifies
	 * @param firstDoseAt the course's first drug-giving administration (null for
	 * FIRST_COMPLETE)
	 * @param windowDays how far before the first dose a baseline may lie
	 */
	public record BaselineUsed(String rule, BigDecimal total, Instant administeredAt, UUID courseId,
			Instant firstDoseAt, Long windowDays) {
	}

}
