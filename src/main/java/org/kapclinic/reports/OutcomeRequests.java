package org.kapclinic.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.kapclinic.shared.InvalidInputException;

/** Reads a report's parameters (API and page alike), naming the one that is wrong. */
final class OutcomeRequests {

	private static final Set<String> PROGRAMS = Set.of("KAP", "IV_INFUSION", "ESKETAMINE");

	private static final Set<String> ROUTES = Set.of("IV", "IM", "SL", "IN");

	private static final Set<String> SEXES = Set.of("FEMALE", "MALE", "INTERSEX", "UNKNOWN");

	private OutcomeRequests() {
	}

	static OutcomeFilter filter(String instrument, String program, String route, String condition, String ageBand,
			String sexAtBirth, LocalDate from, LocalDate to, String window) {
		if (instrument == null || instrument.isBlank()) {
			throw InvalidInputException.of("instrument", "the instrument to report on, e.g. PHQ-9");
		}
		String programCode = blankToNull(program);
		if (programCode != null && !PROGRAMS.contains(programCode)) {
			throw InvalidInputException.of("program", "one of KAP, IV_INFUSION, ESKETAMINE");
		}
		String routeCode = blankToNull(route);
		if (routeCode != null && !ROUTES.contains(routeCode)) {
			throw InvalidInputException.of("route", "one of IV, IM, SL, IN");
		}
		String conditionCode = blankToNull(condition);
		if (conditionCode != null && !conditionCode.matches("[A-Z][0-9][0-9A-Z]?(\\.[0-9A-Z]{0,4})?")) {
			throw InvalidInputException.of("condition", "an ICD-10-CM code or its start, e.g. F33 or F43.1");
		}
		String sex = blankToNull(sexAtBirth);
		if (sex != null && !SEXES.contains(sex)) {
			throw InvalidInputException.of("sexAtBirth", "one of " + List.copyOf(new java.util.TreeSet<>(SEXES)));
		}
		AgeBand band;
		FollowUpWindow followUp;
		try {
			band = (blankToNull(ageBand) != null) ? AgeBand.ofCode(ageBand) : null;
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInputException.of("ageBand", ex.getMessage());
		}
		try {
			followUp = (blankToNull(window) != null) ? FollowUpWindow.ofCode(window) : null;
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInputException.of("window", ex.getMessage());
		}
		return new OutcomeFilter(instrument.strip(), programCode, routeCode, conditionCode, band, sex, from, to,
				followUp);
	}

	/** The same parameters as a query string, for a redirect back to the report. */
	static String query(String instrument, String program, String route, String condition, String ageBand,
			String sexAtBirth, LocalDate from, LocalDate to) {
		java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
		params.put("instrument", instrument);
		params.put("program", program);
		params.put("route", route);
		params.put("condition", condition);
		params.put("ageBand", ageBand);
		params.put("sexAtBirth", sexAtBirth);
		params.put("from", from);
		params.put("to", to);
		StringBuilder query = new StringBuilder();
		params.forEach((name, value) -> {
			if (value != null && !value.toString().isBlank()) {
				query.append((query.length() > 0) ? "&" : "")
					.append(name)
					.append('=')
					.append(java.net.URLEncoder.encode(value.toString(), java.nio.charset.StandardCharsets.UTF_8));
			}
		});
		return query.toString();
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
