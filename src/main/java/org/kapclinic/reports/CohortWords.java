package org.kapclinic.reports;

import java.util.ArrayList;
import java.util.List;

import org.kapclinic.dosing.Route;
import org.kapclinic.intake.Program;

/** A cohort definition in words, printed with the report. */
final class CohortWords {

	private CohortWords() {
	}

	static String of(OutcomeFilter filter) {
		List<String> parts = new ArrayList<>();
		parts.add((filter.program() != null) ? Program.labelOf(filter.program()) : "all programs");
		parts.add((filter.route() != null) ? Route.valueOf(filter.route()).label() : "all routes");
		parts.add((filter.condition() != null) ? "ICD-10-CM " + filter.condition() + "*" : "all conditions");
		parts.add((filter.ageBand() != null) ? "aged " + filter.ageBand().label() : "all ages");
		if (filter.sexAtBirth() != null) {
			parts.add(filter.sexAtBirth().charAt(0) + filter.sexAtBirth().substring(1).toLowerCase() + " at birth");
		}
		String from = (filter.from() != null) ? filter.from().toString() : null;
		String to = (filter.to() != null) ? filter.to().toString() : null;
		parts.add((from == null && to == null) ? "first dose any date"
				: "first dose " + ((from != null) ? "from " + from : "") + ((from != null && to != null) ? " " : "")
						+ ((to != null) ? "to " + to : ""));
		return String.join(", ", parts);
	}

}
