package org.kapclinic.billing;

import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.kapclinic.dosing.Route;
import org.kapclinic.scheduling.AppointmentType;
import org.kapclinic.shared.InvalidInputException.FieldProblem;

/**
 * What a fee schedule must be before it is published: every code in the code list and
 * current, our own short description, a price, a units rule and the services it bills.
 */
final class FeeScheduleChecks {

	private FeeScheduleChecks() {
	}

	/**
	 * The services a fee line may bill: each route's dosing session, each other
	 * appointment type.
	 */
	static Set<String> services() {
		Set<String> services = new HashSet<>();
		for (Route route : Route.values()) {
			services.add("DOSING:" + route.name());
		}
		for (AppointmentType type : AppointmentType.values()) {
			if (type != AppointmentType.DOSING) {
				services.add("APPOINTMENT:" + type.name());
			}
		}
		return services;
	}

	static List<FieldProblem> problems(FeeScheduleRequest request, ServiceCodes codes) {
		List<FieldProblem> problems = new ArrayList<>();
		if (request.effectiveFrom() == null) {
			problems.add(new FieldProblem("effectiveFrom", "the date the schedule takes effect"));
		}
		if (request.currency() == null || !request.currency().matches("[A-Z]{3}") || !isCurrency(request.currency())) {
			problems.add(new FieldProblem("currency", "an ISO 4217 currency code such as USD"));
		}
		if (request.note() != null && request.note().length() > 1000) {
			problems.add(new FieldProblem("note", "at most 1000 characters"));
		}
		if (request.lines() == null || request.lines().isEmpty()) {
			problems.add(new FieldProblem("lines", "at least one priced service"));
			return problems;
		}
		Set<String> services = services();
		for (int i = 0; i < request.lines().size(); i++) {
			line(request.lines().get(i), "lines[" + i + "].", codes, services, problems);
		}
		return problems;
	}

	private static void line(FeeLine line, String at, ServiceCodes codes, Set<String> services,
			List<FieldProblem> problems) {
		if (line == null) {
			problems.add(new FieldProblem(at.substring(0, at.length() - 1), "a fee line"));
			return;
		}
		var code = codes.find(line.codeSystem(), line.code());
		if (code.isEmpty()) {
			problems.add(new FieldProblem(at + "code",
					"a CPT or HCPCS code in the clinic's code list (billing/service-codes.json)"));
		}
		else if (!code.get().active()) {
			problems.add(new FieldProblem(at + "code", line.code() + " is no longer valid"
					+ ((code.get().replacedBy() != null) ? "; use " + code.get().replacedBy() : "")));
		}
		if (line.description() == null || line.description().isBlank() || line.description().length() > 120) {
			problems.add(new FieldProblem(at + "description", "the clinic's own short words, 1–120 characters"));
		}
		if (line.priceMinor() < 0) {
			problems.add(new FieldProblem(at + "priceMinor", "a price in minor units (cents), 0 or more"));
		}
		if (line.unitsRule() == null) {
			problems.add(new FieldProblem(at + "unitsRule",
					"PER_SERVICE, INFUSION_FIRST_HOUR, INFUSION_ADDITIONAL_HOUR, PER_MG or PER_HOUR_MONITORED"));
		}
		if (line.appliesTo().isEmpty() || !services.containsAll(line.appliesTo())) {
			problems.add(new FieldProblem(at + "appliesTo",
					"what it bills: DOSING:IV, DOSING:IM, DOSING:SL, DOSING:IN or APPOINTMENT:<type>"));
		}
		if (line.modifiers().size() > 4
				|| !line.modifiers().stream().allMatch((m) -> m != null && m.matches("[0-9A-Z]{2}"))) {
			problems.add(new FieldProblem(at + "modifiers", "up to four two-character modifiers"));
		}
		if (line.overMg() != null && line.upToMg() != null && line.upToMg().compareTo(line.overMg()) <= 0) {
			problems.add(new FieldProblem(at + "upToMg", "more than overMg"));
		}
	}

	private static boolean isCurrency(String code) {
		try {
			Currency.getInstance(code);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
