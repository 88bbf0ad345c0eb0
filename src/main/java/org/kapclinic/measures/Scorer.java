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
		String algorithm = instrument.scoring().algorithm();
		// MDQ: Parts 2 and 3 are not counted but decide the screen (Hirschfeld 2000), so
		// an
		// entry without them is incomplete rather than silently negative.
		boolean complete = ("MDQ_POSITIVE".equals(algorithm) ? instrument.items() : scored).stream()
			.allMatch((item) -> byId.get(item.id()) != null);
		BigDecimal total = !complete ? null : "QIDS_DOMAINS".equals(algorithm)
				? BigDecimal.valueOf(qidsDomainTotal(byId)) : total(instrument, scored, byId);
		String severity = (total != null) ? band(instrument, total.doubleValue()) : null;
		Map<String, Integer> subscales = new LinkedHashMap<>();
		for (Subscale subscale : instrument.scoring().subscales()) {
			if (subscale.items().stream().allMatch((id) -> byId.get(id) != null)) {
				subscales.put(subscale.code(), subscale.items().stream().mapToInt(byId::get).sum());
			}
		}
		List<String> flags = new ArrayList<>();
		for (Flag flag : instrument.scoring().flags()) {
			// Two rules may raise one flag (the bladder checklist: any symptom, or blood
			// in
			// the urine on a form not finished); it is listed once.
			if (raised(flag, total, byId, threshold.applyAsDouble(flag), female, instrument)
					&& !flags.contains(flag.code())) {
				flags.add(flag.code());
			}
		}
		if (complete && "PCL5_DSM5".equals(algorithm) && pcl5ProvisionalDiagnosis(byId)) {
			flags.add("provisional-ptsd-dsm5");
		}
		if (complete && "MDQ_POSITIVE".equals(algorithm) && mdqPositive(byId)) {
			flags.add("mdq-positive");
		}
		return new Score(total, severity, subscales, List.copyOf(flags), complete);
	}

	/**
	 * Item answers a clinician entered for a score-entry instrument that lists its items
	 * (MDQ parts, QIDS-SR16 items): scored like a form. A total sent alongside must agree
	 * with the score, so a stored total never contradicts its answers.
	 */
	static Score enteredAnswers(Instrument instrument, List<Integer> answers, BigDecimal total,
			ToDoubleFunction<Flag> threshold, Boolean female) {
		Score score = score(instrument, answers, threshold, female);
		if (total != null && (score.total() == null || total.compareTo(score.total()) != 0)) {
			throw InvalidInputException.of("total", "does not match the answers (" + instrument.code() + " scores them "
					+ score.total() + "); send the answers or the total");
		}
		return score;
	}

	/**
	 * Item scores sent as a map ({@code "12": 1}) in item order when every item is
	 * present, or null when some are missing (then only the total counts). Unknown item
	 * ids and scores an item does not take are refused.
	 */
	static List<Integer> answersFrom(Instrument instrument, Map<String, Integer> itemScores) {
		if (itemScores == null || itemScores.isEmpty() || instrument.items().isEmpty()) {
			return null;
		}
		Map<String, Item> items = new LinkedHashMap<>();
		instrument.items().forEach((item) -> items.put(item.id(), item));
		List<FieldProblem> problems = new ArrayList<>();
		itemScores.forEach((id, value) -> {
			Item item = items.get(id);
			if (item == null) {
				problems.add(new FieldProblem("itemScores." + id, instrument.code() + " has items 1-" + items.size()));
			}
			else if (value == null || !item.allows(value)) {
				problems.add(new FieldProblem("itemScores." + id, "item " + id + " takes one of "
						+ item.options().stream().map((o) -> String.valueOf(o.score())).toList()));
			}
		});
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (!itemScores.keySet().containsAll(items.keySet())) {
			return null;
		}
		return items.keySet().stream().map(itemScores::get).toList();
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

	/**
	 * QIDS-SR16 total (Rush 2003): the sum of the nine DSM domains, never of the 16
	 * items. Sleep = max(items 1-4), weight/appetite = max(items 6-9), psychomotor =
	 * max(items 15-16); items 5, 10, 11, 12, 13 and 14 count as they are.
	 */
	static int qidsDomainTotal(Map<String, Integer> byId) {
		int total = max(byId, 1, 4) + max(byId, 6, 9) + max(byId, 15, 16);
		for (String single : List.of("5", "10", "11", "12", "13", "14")) {
			total += byId.get(single);
		}
		return total;
	}

	private static int max(Map<String, Integer> byId, int from, int to) {
		int max = 0;
		for (int i = from; i <= to; i++) {
			max = Math.max(max, byId.get(String.valueOf(i)));
		}
		return max;
	}

	/**
	 * MDQ positive screen (Hirschfeld 2000): at least 7 "yes" among the 13 Part 1 items
	 * AND Part 2 (item 14) yes AND Part 3 (item 15) a moderate (2) or serious (3)
	 * problem.
	 */
	private static boolean mdqPositive(Map<String, Integer> byId) {
		int yes = 0;
		for (int i = 1; i <= 13; i++) {
			yes += byId.get(String.valueOf(i));
		}
		return yes >= 7 && byId.get("14") == 1 && byId.get("15") >= 2;
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
