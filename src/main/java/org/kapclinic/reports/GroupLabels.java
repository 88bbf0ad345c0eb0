package org.kapclinic.reports;

import java.util.Locale;

import org.kapclinic.dosing.Route;
import org.kapclinic.intake.Program;

/** The words a report shows for a group's code (users see labels, never codes). */
final class GroupLabels {

	private GroupLabels() {
	}

	static String of(String dimension, String code) {
		if (code == null) {
			return "Not recorded";
		}
		return switch (dimension) {
			case "program" -> Program.labelOf(code);
			case "route" -> route(code);
			case "ageBand" -> AgeBand.ofCode(code).label();
			case "sessions" -> code.replace("-", "–") + " sessions";
			case "integration" -> switch (code) {
				case "0" -> "No integration session";
				case "1-2" -> "1–2 integration sessions";
				default -> "3 or more integration sessions";
			};
			case "mgPerKg" -> switch (code) {
				case "FIXED" -> "Fixed dose (esketamine)";
				case "BELOW_0_5" -> "Under 0.5 mg/kg";
				case "0_5_TO_1" -> "0.5 to under 1.0 mg/kg";
				default -> "1.0 mg/kg or more";
			};
			default -> code;
		};
	}

	/**
	 * A severity band code in words: {@code moderately-severe} is "Moderately severe".
	 */
	static String band(String code) {
		if (code == null || code.isEmpty()) {
			return "No band";
		}
		String words = code.replace('-', ' ').replace('_', ' ').toLowerCase(Locale.ROOT);
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	private static String route(String code) {
		try {
			return Route.valueOf(code).label();
		}
		catch (IllegalArgumentException ex) {
			return code;
		}
	}

}
