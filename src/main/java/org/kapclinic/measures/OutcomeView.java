package org.kapclinic.measures;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.kapclinic.measures.MeasurementSummary.BaselineUsed;
import org.kapclinic.measures.MeasurementSummary.ChangeJudgement;

/**
 * The outcome summary in words for the measures page: each judgement with the definition
 * it was made by (from the instrument file), "not defined for this instrument" where none
 * is published (never "no"), and which baseline was used.
 */
final class OutcomeView {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private OutcomeView() {
	}

	/** One line: what is judged, by which definition, and the answer in words. */
	record Line(String label, String value) {
	}

	static List<Line> lines(Instrument instrument, MeasurementSummary s) {
		List<Line> lines = new ArrayList<>();
		Instrument.Response response = instrument.response();
		lines.add(new Line("Response" + ((response == null) ? ""
				: (response.reductionPercent() != null) ? " (≥ " + number(response.reductionPercent()) + " % reduction)"
						: " (≥ " + number(response.reductionPoints()) + " points)"),
				judged(response != null, s.response())));
		Instrument.Remission remission = instrument.remission();
		lines.add(new Line(
				"Remission" + ((remission == null) ? ""
						: (remission.below() != null) ? " (below " + number(remission.below()) + ")"
								: " (" + number(remission.atMost()) + " or less)"),
				judged(remission != null, s.remission())));
		lines.add(change("Meaningful change", s.meaningfulChange()));
		lines.add(change("Reliable change", s.reliableChange()));
		return lines;
	}

	/**
	 * "18 on 2026-11-02, the last complete score before the course's first dose
	 * (2026-11-05)".
	 */
	static String baseline(MeasurementSummary s, ZoneId zone) {
		BaselineUsed used = s.baselineUsed();
		if (used == null || used.total() == null) {
			return (used != null && "LAST_BEFORE_FIRST_DOSE".equals(used.rule()))
					? "none: no complete score in the " + used.windowDays() + " days before the course's first dose"
					: "none yet";
		}
		String when = (used.administeredAt() != null) ? " on " + DATE.format(used.administeredAt().atZone(zone)) : "";
		if ("LAST_BEFORE_FIRST_DOSE".equals(used.rule())) {
			return used.total().toPlainString() + when + ", the last complete score before the course's first dose"
					+ ((used.firstDoseAt() != null) ? " (" + DATE.format(used.firstDoseAt().atZone(zone)) + ")" : "");
		}
		return used.total().toPlainString() + when + ", the first complete score (no course dose recorded yet)";
	}

	private static Line change(String label, ChangeJudgement judgement) {
		if (judgement == null) {
			return new Line(label, "not defined for this instrument");
		}
		String kind = switch (judgement.kind()) {
			case "MINIMAL_IMPORTANT_DIFFERENCE" -> "minimal important difference";
			case "RELIABLE_CHANGE_INDEX" -> "reliable change index";
			case "RELIABLE_IMPROVEMENT" -> "reliable improvement";
			case "CLINIC_SETTING" -> "clinic setting";
			default -> judgement.kind().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
		};
		return new Line(
				label + " (" + kind + ", " + judgement.points().stripTrailingZeros().toPlainString() + " points)",
				judged(true, judgement.met()));
	}

	private static String judged(boolean defined, Boolean met) {
		if (!defined) {
			return "not defined for this instrument";
		}
		if (met == null) {
			return "not yet (needs a baseline and a later score)";
		}
		return met ? "yes" : "no";
	}

	private static String number(Double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

}
