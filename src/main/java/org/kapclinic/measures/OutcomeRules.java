package org.kapclinic.measures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Response, remission and reliable improvement (clinical.md 4.2; issue 4). Configurable
 * as {@code kap.measures.*}; the defaults are the published figures.
 *
 * @param pcl5ProbablePtsdCutoff PCL-5 total at which PTSD is probable (33; VA NCPTSD
 * gives 31-33)
 * @param reliableImprovement drop that counts as reliable improvement per instrument
 * (PHQ-9 6, GAD-7 4: NHS Talking Therapies; PCL-5 10)
 */
@ConfigurationProperties("kap.measures")
record OutcomeRules(Integer pcl5ProbablePtsdCutoff, Map<String, Integer> reliableImprovement) {

	/** Changes whenever a rule or default below changes; stored with every summary. */
	static final String VERSION = "2026.11-1";

	OutcomeRules {
		pcl5ProbablePtsdCutoff = (pcl5ProbablePtsdCutoff == null) ? 33 : pcl5ProbablePtsdCutoff;
		reliableImprovement = (reliableImprovement == null || reliableImprovement.isEmpty())
				? Map.of("PHQ-9", 6, "GAD-7", 4, "PCL-5", 10) : Map.copyOf(reliableImprovement);
	}

	MeasurementSummary summarise(String instrument, int count, BigDecimal baseline, Instant baselineAt,
			BigDecimal latest, Instant latestAt) {
		if (baseline == null || latest == null) {
			return new MeasurementSummary(instrument, count, baseline, baselineAt, latest, latestAt, null, null, null,
					null, null, VERSION);
		}
		BigDecimal change = latest.subtract(baseline);
		BigDecimal percent = (baseline.signum() == 0) ? null
				: baseline.subtract(latest).multiply(BigDecimal.valueOf(100)).divide(baseline, 1, RoundingMode.HALF_UP);
		Boolean response = (percent == null) ? null : percent.compareTo(BigDecimal.valueOf(50)) >= 0;
		Integer reliable = this.reliableImprovement.get(instrument);
		return new MeasurementSummary(instrument, count, baseline, baselineAt, latest, latestAt, change, percent,
				response, remission(instrument, latest),
				(reliable == null) ? null : baseline.subtract(latest).compareTo(BigDecimal.valueOf(reliable)) >= 0,
				VERSION);
	}

	/** PHQ-9 < 5, GAD-7 < 5, QIDS-SR16 <= 5, PCL-5 below the probable-PTSD cut-off. */
	private Boolean remission(String instrument, BigDecimal latest) {
		return switch (instrument) {
			case "PHQ-9", "GAD-7" -> latest.compareTo(BigDecimal.valueOf(5)) < 0;
			case "QIDS-SR16" -> latest.compareTo(BigDecimal.valueOf(5)) <= 0;
			case "PCL-5" -> latest.compareTo(BigDecimal.valueOf(this.pcl5ProbablePtsdCutoff)) < 0;
			default -> null;
		};
	}

}
