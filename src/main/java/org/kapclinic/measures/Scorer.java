package org.kapclinic.measures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.kapclinic.measures.Instrument.Band;
import org.kapclinic.measures.Instrument.Flag;
import org.kapclinic.measures.Instrument.Item;
import org.kapclinic.measures.Instrument.Subscale;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;

/**
 * Scores answers exactly as each instrument publishes (clinical.md section 4.1). Pure:
 * the caller supplies flag thresholds (configurable cut-offs) and the patient's sex where
 * an instrument's cut-off depends on it.
 */
final class Scorer {

	private Scorer() {
	}

	/**
	 * @param answers one value per item in item order: the chosen option's score, or null
	 * when unanswered
	 * @param threshold the threshold of each flag (its {@code atLeast}, or a configured
	 * override)
	 * @param female whether the patient is female, for AUDIT-C's sex-specific cut-off;
	 * null if unknown (the lower, more cautious cut-off applies)
	 */
	static Score score(Instrument instrument, List<Integer> answers, ToDoubleFunction<Flag> threshold, Boolean female) {
		check(instrument, answers);
		Map<String, Integer> byId = new LinkedHashMap<>();
		for (int i = 0; i < instrument.items().size(); i++) {
			byId.put(instrument.items().get(i).id(), answers.get(i));
		}
		List<Item> scored = instrument.items().stream().filter(Item::scored).toList();
		boolean complete = scored.stream().allMatch((item) -> byId.get(item.id()) != null);
		BigDecimal total = complete ? total(instrument, scored, byId) : null;
		String severity = (total != null) ? band(instrument, total.doubleValue()) : null;
		Map<String, Integer> subscales = new LinkedHashMap<>();
		for (Subscale subscale : instrument.scoring().subscales()) {
			if (subscale.items().stream().allMatch((id) -> byId.get(id) != null)) {
				subscales.put(subscale.code(), subscale.items().stream().mapToInt(byId::get).sum());
			}
		}
		List<String> flags = new ArrayList<>();
		for (Flag flag : instrument.scoring().flags()) {
			if (raised(flag, total, byId, threshold.applyAsDouble(flag), female, instrument)) {
				flags.add(flag.code());
			}
		}
		if (complete && "PCL5_DSM5".equals(instrument.scoring().algorithm()) && pcl5ProvisionalDiagnosis(byId)) {
			flags.add("provisional-ptsd-dsm5");
		}
		return new Score(total, severity, subscales, List.copyOf(flags), complete);
	}

	/**
	 * A clinician-entered total for a score-entry instrument, with C-SSRS's risk tier and
	 * optional item scores (QIDS-SR16 item 12, suicidal ideation, raises the risk flag).
	 */
	static Score entered(Instrument instrument, BigDecimal total, String risk, Map<String, Integer> itemScores) {
		List<String> flags = new ArrayList<>();
		if ("CSSRS_RISK".equals(instrument.scoring().algorithm())) {
			if (risk == null || !List.of("low", "moderate", "high").contains(risk)) {
				throw InvalidInputException.of("risk", "C-SSRS needs the risk tier: low, moderate or high");
			}
			// clinical.md 4.1: moderate or high C-SSRS risk needs same-day clinician
			// review.
			if (!risk.equals("low")) {
				flags.add("suicide-risk");
			}
			return new Score(null, risk, Map.of(), List.copyOf(flags), true);
		}
		if (total == null || total.doubleValue() < instrument.scoring().min()
				|| total.doubleValue() > instrument.scoring().max()) {
			throw InvalidInputException.of("total", "must be between " + (int) instrument.scoring().min() + " and "
					+ (int) instrument.scoring().max() + " for " + instrument.code());
		}
		// clinical.md 4.1 / issue 4: QIDS-SR16 item 12 >= 1 is a suicide-risk answer.
		if ("QIDS_DOMAINS".equals(instrument.scoring().algorithm()) && itemScores != null
				&& itemScores.getOrDefault("12", 0) >= 1) {
			flags.add("suicide-risk");
		}
		return new Score(total, band(instrument, total.doubleValue()), Map.of(), List.copyOf(flags), true);
	}

	private static void check(Instrument instrument, List<Integer> answers) {
		if (answers == null || answers.size() != instrument.items().size()) {
			throw InvalidInputException.of("answers", instrument.code() + " has " + instrument.items().size()
					+ " items; send one answer per item in order (null when unanswered)");
		}
		List<FieldProblem> problems = new ArrayList<>();
		for (int i = 0; i < answers.size(); i++) {
			Integer answer = answers.get(i);
			Item item = instrument.items().get(i);
			if (answer != null && !item.allows(answer)) {
				problems.add(new FieldProblem("answers[" + i + "]", "item " + item.id() + " takes one of "
						+ item.options().stream().map((o) -> String.valueOf(o.score())).toList()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private static BigDecimal total(Instrument instrument, List<Item> scored, Map<String, Integer> byId) {
		int sum = scored.stream().mapToInt((item) -> byId.get(item.id())).sum();
		return switch (instrument.scoring().type()) {
			case "SUM" -> BigDecimal.valueOf(sum);
			// PEG: the mean of its items (LOINC 91147-9), to one decimal.
			case "MEAN" -> BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(scored.size()), 1, RoundingMode.HALF_UP);
			default -> null;
		};
	}

	/**
	 * The last band starting at or below the total (so a mean of 4.5 falls in the 1-4
	 * band, not between).
	 */
	private static String band(Instrument instrument, double total) {
		String code = null;
		for (Band band : instrument.scoring().bands()) {
			if (total >= band.min()) {
				code = band.code();
			}
		}
		return code;
	}

	private static boolean raised(Flag flag, BigDecimal total, Map<String, Integer> byId, double threshold,
			Boolean female, Instrument instrument) {
		if (Boolean.TRUE.equals(flag.total())) {
			if (total == null) {
				return false;
			}
			// AUDIT-C: positive at 4 for men, 3 for women (clinical.md 4.1); unknown sex
			// gets the lower cut-off.
			double cutoff = ("AUDIT_C_SEX_CUTOFF".equals(instrument.scoring().algorithm())
					&& Boolean.FALSE.equals(female)) ? threshold + 1 : threshold;
			return total.doubleValue() >= cutoff;
		}
		Integer answer = byId.get(flag.item());
		return answer != null && answer >= threshold;
	}

	/**
	 * PCL-5 provisional DSM-5 diagnosis: an item rated 2 or more is endorsed; it takes at
	 * least one of items 1-5 (B), one of 6-7 (C), two of 8-14 (D) and two of 15-20 (E).
	 */
	private static boolean pcl5ProvisionalDiagnosis(Map<String, Integer> byId) {
		return endorsed(byId, 1, 5) >= 1 && endorsed(byId, 6, 7) >= 1 && endorsed(byId, 8, 14) >= 2
				&& endorsed(byId, 15, 20) >= 2;
	}

	private static int endorsed(Map<String, Integer> byId, int from, int to) {
		int count = 0;
		for (int i = from; i <= to; i++) {
			Integer answer = byId.get(String.valueOf(i));
			if (answer != null && answer >= 2) {
				count++;
			}
		}
		return count;
	}

}
