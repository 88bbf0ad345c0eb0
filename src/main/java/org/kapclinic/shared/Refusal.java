package org.kapclinic.shared;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A refused form post as pages show it: what was refused and a list of reasons, each with
 * the message key that names it in plain language ({@code messages.properties},
 * {@code reason.CODE} and {@code field.NAME}) and, where there is one, a link to the step
 * that fixes it ({@code reason.CODE.fix}). The layout renders it as a danger alert
 * (fragments/alerts); the codes stay in the API's payload and never reach the page text.
 *
 * @param summary what was refused, in words
 * @param reasons why, one line each
 * @param patientId the patient the fix links lead to (their pages), or null
 */
public record Refusal(String summary, List<Reason> reasons, UUID patientId) implements Serializable {

	/** The flash attribute the layout renders. */
	public static final String ATTRIBUTE = "refusal";

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

	private static final Pattern CODED = Pattern.compile("([A-Z][A-Z0-9_]+)(?::\\s*(.*))?", Pattern.DOTALL);

	public Refusal {
		reasons = List.copyOf(reasons);
	}

	/** A refusal in words: a rule's reasons, a form's field problems, or a conflict. */
	public static Refusal of(RuntimeException ex, UUID patientId) {
		if (ex instanceof InvalidInputException invalid) {
			List<Reason> reasons = invalid.problems()
				.stream()
				.map((problem) -> new Reason("field." + fieldKey(problem.field()), null, problem.message(),
						sentence(words(problem.field()) + ": " + problem.message())))
				.toList();
			return new Refusal("Not saved: please check the following.", reasons, patientId);
		}
		if (ex instanceof RuleViolationException rule) {
			List<Reason> reasons = new ArrayList<>();
			for (String text : rule.reasons()) {
				reasons.add(reason(text));
			}
			return new Refusal(sentence(rule.getMessage()), reasons, patientId);
		}
		return new Refusal(sentence(ex.getMessage()), List.of(), patientId);
	}

	public static Refusal of(RuntimeException ex) {
		return of(ex, null);
	}

	/** Shows the refusal on the page the post redirects to. */
	public static void flash(RedirectAttributes redirect, RuntimeException ex, UUID patientId) {
		redirect.addFlashAttribute(ATTRIBUTE, of(ex, patientId));
	}

	public static void flash(RedirectAttributes redirect, RuntimeException ex) {
		flash(redirect, ex, null);
	}

	/**
	 * One reason as a rule gives it ({@code "CODE: detail"} or a bare {@code CODE}).
	 */
	public static Reason reason(String text) {
		var coded = CODED.matcher(text.strip());
		if (!coded.matches()) {
			return new Reason("reason.OTHER", null, text, sentence(text));
		}
		String code = coded.group(1);
		String detail = (coded.group(2) != null) ? coded.group(2).strip() : "";
		if (CODE.matcher(detail).matches()) {
			// "NOT_READY: KAP_TREATMENT": the detail is itself a code with its own words.
			return new Reason("reason." + code + "." + detail, "reason." + code, words(detail),
					sentence(words(code) + ": " + words(detail)));
		}
		return new Reason("reason." + code, null, detail,
				sentence(detail.isEmpty() ? words(code) : words(code) + ": " + detail));
	}

	/** "PROGRAM_REQUIRED" and "doseMg" in words: "program required", "dose mg". */
	static String words(String code) {
		String spaced = code.replaceAll("([a-z])([A-Z])", "$1 $2").replaceAll("\\[\\d+\\]", "").replace('_', ' ');
		return spaced.replace('.', ' ').toLowerCase(Locale.ROOT).strip();
	}

	private static String fieldKey(String field) {
		return field.replaceAll("\\[\\d+\\]", "");
	}

	private static String sentence(String text) {
		if (text == null || text.isBlank()) {
			return "Refused.";
		}
		String trimmed = text.strip();
		return Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1);
	}

	/**
	 * One reason.
	 *
	 * @param key the message key of its words ({@code {0}} is the detail)
	 * @param fallbackKey a second key tried when the first has no words, or null
	 * @param detail the specifics the rule gave (a name, a time), or empty
	 * @param fallback the words shown when no message names it
	 */
	public record Reason(String key, String fallbackKey, String detail, String fallback) implements Serializable {
	}

}
