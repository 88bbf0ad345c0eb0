package org.kapclinic.measures;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kapclinic.measures.Instrument.Item;
import org.kapclinic.measures.Instrument.Option;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;

/**
 * What the measures pages show and send: form fields to a {@link MeasurementRequest},
 * measurements to chart data and CSV, refusals to messages.
 */
final class MeasuresPage {

	static final String SUICIDE_RISK = "suicide-risk";

	/** The form fields kept after a refusal, besides the answers. */
	private static final Set<String> RETAINED = Set.of("instrument", "total", "risk", "item12", "administeredAt");

	private static final int MAX_FIELD = 40;

	/** As the API accepts for a flag's assessment and plan. */
	private static final int MAX_TEXT = 8000;

	private static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private MeasuresPage() {
	}

	/** Whether the instrument has a total to enter and to chart (C-SSRS has none). */
	static boolean chartable(Instrument instrument) {
		return !"NONE".equals(instrument.scoring().type()) && instrument.scoring().max() > instrument.scoring().min();
	}

	/** C-SSRS: the clinician enters a risk tier instead of a total. */
	/**
	 * Score-entry instruments whose item answers may be entered (MDQ parts 1–3, QIDS-SR16
	 * item scores): neutral labels only, no licensed item text (clinical.md 4.4).
	 */
	static boolean itemEntry(Instrument instrument) {
		return instrument.mode() != Instrument.Mode.FORM && !instrument.items().isEmpty();
	}

	/** How to enter an item-entry instrument's answers. */
	static String itemEntryHint(Instrument instrument) {
		if ("MDQ".equals(instrument.code())) {
			return "Part 1: the 13 yes/no items; Part 2: did several happen during the same period; Part 3: how much of "
					+ "a problem they caused. A positive screen needs 7 or more yes in Part 1, yes in Part 2 and a "
					+ "moderate or serious problem in Part 3 (Hirschfeld 2000). A Part 1 count alone cannot screen positive.";
		}
		return "Enter every item score from the paper form, or only the total below; item scores are totalled by "
				+ "the instrument's own rule.";
	}

	static boolean riskTier(Instrument instrument) {
		return "CSSRS_RISK".equals(instrument.scoring().algorithm());
	}

	/** QIDS-SR16: item 12 (suicidal ideation) may be entered with the total. */
	static boolean itemTwelve(Instrument instrument) {
		return "QIDS_DOMAINS".equals(instrument.scoring().algorithm());
	}

	/** One item of the entry form, with the answer sent before a refusal, if any. */
	record ItemView(int index, String id, String text, boolean scored, List<Option> options, Integer chosen) {
	}

	static List<ItemView> items(Instrument instrument, Map<String, String> previous) {
		List<ItemView> items = new ArrayList<>();
		for (int i = 0; i < instrument.items().size(); i++) {
			Item item = instrument.items().get(i);
			Integer chosen = null;
			String sent = previous.get("answer-" + i);
			if (sent != null && sent.matches("\\d{1,3}")) {
				chosen = Integer.valueOf(sent);
			}
			items.add(new ItemView(i, item.id(), item.text(), item.scored(), item.options(), chosen));
		}
		return items;
	}

	/** The fields flashed after a refusal, if they were sent for this instrument. */
	static Map<String, String> previous(Object flashed, String instrument) {
		Map<String, String> previous = new HashMap<>();
		if (flashed instanceof Map<?, ?> map && instrument.equals(map.get("instrument"))) {
			map.forEach((name, value) -> previous.put(String.valueOf(name), String.valueOf(value)));
		}
		return previous;
	}

	/** The fields to show again after a refusal: short values of known fields only. */
	static Map<String, String> retained(Map<String, String> params) {
		Map<String, String> kept = new HashMap<>();
		params.forEach((name, value) -> {
			if ((RETAINED.contains(name) || name.matches("answer-\\d{1,3}")) && value != null
					&& value.length() <= MAX_FIELD) {
				kept.put(name, value);
			}
		});
		return kept;
	}

	/** Now in the clinic's zone, as a datetime-local value. */
	static String localMinutes(Clock clock, ZoneId zone) {
		return LOCAL_MINUTES.format(LocalDateTime.now(clock.withZone(zone)));
	}

	/**
	 * The request for the posted form: answers in item order (null when not chosen) for a
	 * form, the total (and C-SSRS risk tier, QIDS-SR16 item 12) for score entry. An
	 * unknown instrument is left for the service to refuse.
	 */
	static MeasurementRequest request(Instrument instrument, String code, Map<String, String> params, ZoneId zone) {
		List<FieldProblem> problems = new ArrayList<>();
		List<Integer> answers = null;
		BigDecimal total = null;
		String risk = null;
		Map<String, Integer> itemScores = null;
		if (instrument != null && instrument.mode() == Instrument.Mode.FORM) {
			answers = new ArrayList<>();
			for (int i = 0; i < instrument.items().size(); i++) {
				answers.add(integer(params.get("answer-" + i), "answers[" + i + "]", problems));
			}
		}
		else if (instrument != null && itemEntry(instrument) && anyAnswer(instrument, params)) {
			answers = new ArrayList<>();
			for (int i = 0; i < instrument.items().size(); i++) {
				answers.add(integer(params.get("answer-" + i), "answers[" + i + "]", problems));
			}
		}
		else if (instrument != null) {
			total = decimal(params.get("total"), problems);
			risk = blankToNull(params.get("risk"));
			Integer item12 = itemTwelve(instrument) ? integer(params.get("item12"), "item12", problems) : null;
			itemScores = (item12 != null) ? Map.of("12", item12) : null;
		}
		Instant administeredAt = instant(params.get("administeredAt"), zone, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new MeasurementRequest(code, answers, total, risk, itemScores, administeredAt);
	}

	private static Integer integer(String value, String field, List<FieldProblem> problems) {
		String text = blankToNull(value);
		if (text == null) {
			return null;
		}
		if (!text.matches("-?\\d{1,6}")) {
			problems.add(new FieldProblem(field, "choose one of the listed answers"));
			return null;
		}
		return Integer.valueOf(text);
	}

	private static BigDecimal decimal(String value, List<FieldProblem> problems) {
		String text = blankToNull(value);
		if (text == null) {
			return null;
		}
		if (!text.matches("-?\\d{1,6}([.,]\\d{1,3})?")) {
			problems.add(new FieldProblem("total", "enter a number"));
			return null;
		}
		return new BigDecimal(text.replace(',', '.'));
	}

	/** A datetime-local value, read in the clinic's zone; empty means now. */
	private static Instant instant(String value, ZoneId zone, List<FieldProblem> problems) {
		String text = blankToNull(value);
		if (text == null) {
			return null;
		}
		try {
			return LocalDateTime.parse(text).atZone(zone).toInstant();
		}
		catch (DateTimeException ex) {
			problems.add(new FieldProblem("administeredAt", "enter a date and time"));
			return null;
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	private static boolean anyAnswer(Instrument instrument, Map<String, String> params) {
		for (int i = 0; i < instrument.items().size(); i++) {
			if (blankToNull(params.get("answer-" + i)) != null) {
				return true;
			}
		}
		return false;
	}

	static void checkLength(String field, String value) {
		if (value != null && value.length() > MAX_TEXT) {
			throw InvalidInputException.of(field, "at most " + MAX_TEXT + " characters");
		}
	}

	/** "Recorded: total 12 (moderate)." and the flags raised, for the flash message. */
	static String recorded(Measurement measurement) {
		StringBuilder text = new StringBuilder("Recorded: ");
		if (measurement.total() != null) {
			text.append("total ").append(measurement.total().toPlainString());
			if (measurement.severity() != null) {
				text.append(" (").append(words(measurement.severity())).append(')');
			}
		}
		else if (measurement.severity() != null) {
			text.append("risk tier ").append(words(measurement.severity()));
		}
		else if (!measurement.complete()) {
			text.append("incomplete (a scored item is unanswered), so no total or severity");
		}
		else {
			text.append(measurement.instrument()).append(" (no total)");
		}
		for (String flag : measurement.flags()) {
			text.append(". ").append(FlagLabels.label(flag));
		}
		return text.append('.').toString();
	}

	/** A code in words: "moderately-severe" becomes "moderately severe". */
	static String words(String code) {
		return code.replace('-', ' ');
	}

}
