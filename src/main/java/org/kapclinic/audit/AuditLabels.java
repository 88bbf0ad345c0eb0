package org.kapclinic.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Labels for the audit page ({@code ${@auditLabels.action(e.action)}}): entries store
 * codes, people read words. A code no longer in the vocabulary is shown in words.
 */
@Component("auditLabels")
class AuditLabels {

	public String action(String code) {
		try {
			return AuditAction.valueOf(code).label();
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return inWords(code);
		}
	}

	public String category(String code) {
		try {
			return DataCategory.valueOf(code).label();
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return inWords(code);
		}
	}

	/** Stored roles ("PRESCRIBER,FRONT_DESK") as words ("Prescriber, Front desk"). */
	public String roles(String codes) {
		if (codes == null || codes.isBlank()) {
			return "";
		}
		return Arrays.stream(codes.split("[,\\s]+"))
			.filter((c) -> !c.isBlank())
			.map((c) -> inWords(c.replaceFirst("^ROLE_", "")))
			.collect(Collectors.joining(", "));
	}

	/** How the action reached the app: "API", "Web" (a page), "System" (a job). */
	public String channel(String code) {
		return "API".equals(code) ? "API" : inWords(code);
	}

	public String outcome(String code) {
		return inWords(code);
	}

	/** The badge of an outcome: green for success, red for a refusal or failure. */
	public String outcomeBadge(String code) {
		return "SUCCESS".equals(code) ? "badge text-bg-success" : "badge text-bg-danger";
	}

	static String inWords(String code) {
		if (code == null || code.isBlank() || "null".equals(code)) {
			return "";
		}
		String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

}
