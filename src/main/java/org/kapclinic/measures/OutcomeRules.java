package org.kapclinic.measures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToDoubleBiFunction;

import org.kapclinic.measures.Instrument.Change;
import org.kapclinic.measures.Instrument.Remission;
import org.kapclinic.measures.Instrument.Response;
import org.kapclinic.measures.MeasurementSummary.BaselineUsed;
import org.kapclinic.measures.MeasurementSummary.ChangeJudgement;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Response, remission and meaningful change, judged by each instrument's own published
 * definitions (its file's {@code response}, {@code remission}, {@code meaningfulChange},
 * {@code reliableChange}; clinical.md 4.2). Configurable as {@code kap.measures.*}.
 *
 * @param pcl5ProbablePtsdCutoff PCL-5 total at which PTSD is probable (33; VA NCPTSD
 * gives 31-33); also PCL-5's remission threshold
 * @param reliableImprovement per instrument code, a clinic's own reliable-change amount,
 * replacing the published one ({@code reliableChange}); where none is published it adds
 * one of kind CLINIC_SETTING
 * @param baselineWindow how long before a course's first dose an administration still
 * counts as its baseline (30 days)
 */
@ConfigurationProperties("kap.measures")
record OutcomeRules(Integer pcl5ProbablePtsdCutoff, Map<String, Integer> reliableImprovement, Duration baselineWindow) {

	/** Changes whenever a rule or default below changes; stored with every summary. */
	static final String VERSION = "2026.12-1";

	static final String MINIMAL_IMPORTANT_DIFFERENCE = "MINIMAL_IMPORTANT_DIFFERENCE";

	OutcomeRules {
		pcl5ProbablePtsdCutoff = (pcl5ProbablePtsdCutoff == null) ? 33 : pcl5ProbablePtsdCutoff;
		reliableImprovement = (reliableImprovement == null) ? Map.of() : Map.copyOf(reliableImprovement);
		baselineWindow = (baselineWindow == null) ? Duration.ofDays(30) : baselineWindow;
	}

	/**
	 * @param instrument null for an unknown code (then nothing is judged)
	 * @param setting reads a setting by name, with the published value as default
	 */
	MeasurementSummary summarise(String code, Instrument instrument, int count, BaselineUsed baselineUsed,
			BigDecimal latest, Instant latestAt, ToDoubleBiFunction<String, Double> setting) {
		BigDecimal baseline = (baselineUsed != null) ? baselineUsed.total() : null;
		Instant baselineAt = (baselineUsed != null) ? baselineUsed.administeredAt() : null;
		UUID courseId = (baselineUsed != null) ? baselineUsed.courseId() : null;
		Change meaningful = (instrument != null) ? meaningfulChange(instrument) : null;
		Change reliable = (instrument != null) ? reliableChange(instrument) : null;
		if (baseline == null || latest == null) {
			return new MeasurementSummary(code, count, baseline, baselineAt, latest, latestAt, null, null, null, null,
					null, judge(meaningful, null), judge(reliable, null), baselineUsed, courseId, VERSION);
		}
		BigDecimal drop = baseline.subtract(latest);
		BigDecimal percent = (baseline.signum() == 0) ? null
				: drop.multiply(BigDecimal.valueOf(100)).divide(baseline, 1, RoundingMode.HALF_UP);
		ChangeJudgement reliableJudgement = judge(reliable, drop);
		return new MeasurementSummary(code, count, baseline, baselineAt, latest, latestAt, latest.subtract(baseline),
				percent, response((instrument != null) ? instrument.response() : null, baseline, drop),
				remission((instrument != null) ? instrument.remission() : null, latest, setting),
				(reliableJudgement != null) ? reliableJudgement.met() : null, judge(meaningful, drop),
				reliableJudgement, baselineUsed, courseId, VERSION);
	}

	/**
	 * Compared unrounded: a 49.96 % reduction is not a 50 % response although it is shown
	 * as 50.0.
	 */
	private static Boolean response(Response rule, BigDecimal baseline, BigDecimal drop) {
		if (rule == null) {
			return null;
		}
		if (rule.reductionPoints() != null) {
			return drop.compareTo(BigDecimal.valueOf(rule.reductionPoints())) >= 0;
		}
		if (baseline.signum() <= 0) {
			return null;
		}
		return drop.multiply(BigDecimal.valueOf(100))
			.compareTo(baseline.multiply(BigDecimal.valueOf(rule.reductionPercent()))) >= 0;
	}

	private static Boolean remission(Remission rule, BigDecimal latest, ToDoubleBiFunction<String, Double> setting) {
		if (rule == null) {
			return null;
		}
		double published = (rule.below() != null) ? rule.below() : rule.atMost();
		double threshold = (rule.configKey() != null) ? setting.applyAsDouble(rule.configKey(), published) : published;
		int compared = latest.compareTo(BigDecimal.valueOf(threshold));
		return (rule.below() != null) ? compared < 0 : compared <= 0;
	}

	/**
	 * The instrument's meaningful change; a clinic's reliable-improvement setting
	 * replaces it when it is itself a reliable-change criterion (PHQ-9, GAD-7).
	 */
	private Change meaningfulChange(Instrument instrument) {
		Change published = instrument.meaningfulChange();
		if (published == null || MINIMAL_IMPORTANT_DIFFERENCE.equals(published.kind())) {
			return published;
		}
		return reliableChange(instrument);
	}

	/**
	 * The drop beyond measurement error: the published reliable change index where the
	 * meaningful change is only a minimal important difference (PCL-5: 10 points is an
	 * MID, Blanchard 2023; the RCI is 15-18, Marx 2022), else the meaningful change when
	 * it is a reliable criterion; {@code kap.measures.reliable-improvement.<CODE>}
	 * replaces the amount.
	 */
	private Change reliableChange(Instrument instrument) {
		Change published = instrument.reliableChange();
		if (published == null && instrument.meaningfulChange() != null
				&& !MINIMAL_IMPORTANT_DIFFERENCE.equals(instrument.meaningfulChange().kind())) {
			published = instrument.meaningfulChange();
		}
		Integer configured = this.reliableImprovement.get(instrument.code());
		if (configured == null) {
			return published;
		}
		return new Change((published != null) ? published.kind() : "CLINIC_SETTING", configured,
				"kap.measures.reliable-improvement." + instrument.code()
						+ ((published != null) ? " (replaces: " + published.source() + ")" : ""));
	}

	private static ChangeJudgement judge(Change change, BigDecimal drop) {
		if (change == null) {
			return null;
		}
		BigDecimal points = BigDecimal.valueOf(change.points()).stripTrailingZeros();
		return new ChangeJudgement(change.kind(), points, (drop != null) ? drop.compareTo(points) >= 0 : null,
				change.source());
	}

}
