package org.kapclinic.intake;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;

/**
 * A versioned eligibility rule set (see {@code eligibility/README.md} for the format).
 * Parsing checks every rule, so a malformed set is refused before it is published.
 */
record RuleSet(String version, List<Rule> rules, BloodPressureLimits bloodPressure,
		Map<Program, Integer> minimumAgeYears) {

	enum Kind {

		CONDITION, MEDICATION, BLOOD_PRESSURE, AGE, DIAGNOSIS

	}

	/** What a BLOOD_PRESSURE rule's {@code match} compares the baseline reading with. */
	enum BloodPressureLimit {

		/** Above {@code systolicMax} or {@code diastolicMax}: the precaution limit. */
		BLOOD_PRESSURE,
		/**
		 * At or above {@code absoluteCeilingSystolic} or
		 * {@code absoluteCeilingDiastolic}: the pre-dose ceiling (added in 2026.12-1).
		 */
		ABSOLUTE_CEILING

	}

	/**
	 * The {@code thresholds.bloodPressure} numbers, mmHg.
	 *
	 * @param absoluteCeilingSystolic {@code null} in rule sets before 2026.12-1, which
	 * have no ceiling (and no rule that needs one)
	 */
	record BloodPressureLimits(int systolicMax, int diastolicMax, Integer absoluteCeilingSystolic,
			Integer absoluteCeilingDiastolic) {
	}

	record Rule(String id, Kind kind, String match, Severity severity, Set<Program> programs, String explanation,
			String source, String confidence) {
	}

	static RuleSet parse(JsonNode document) {
		List<FieldProblem> problems = new ArrayList<>();
		String version = text(document, "version");
		if (version == null || version.isBlank()) {
			problems.add(new FieldProblem("version", "is required"));
		}
		List<Rule> rules = new ArrayList<>();
		JsonNode ruleNodes = document.get("rules");
		if (ruleNodes == null || !ruleNodes.isArray() || ruleNodes.isEmpty()) {
			problems.add(new FieldProblem("rules", "at least one rule is required"));
		}
		else {
			for (int i = 0; i < ruleNodes.size(); i++) {
				parseRule(ruleNodes.get(i), "rules[" + i + "]", rules, problems);
			}
		}
		JsonNode thresholds = document.path("thresholds");
		BloodPressureLimits bloodPressure = bloodPressure(thresholds.path("bloodPressure"), rules, problems);
		Map<Program, Integer> ages = new EnumMap<>(Program.class);
		for (Program program : Program.values()) {
			int age = thresholds.path("minimumAgeYears").path(program.name()).asInt(-1);
			if (age < 0) {
				problems.add(new FieldProblem("thresholds.minimumAgeYears." + program, "is required"));
			}
			ages.put(program, age);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new RuleSet(version, List.copyOf(rules), bloodPressure, Map.copyOf(ages));
	}

	/**
	 * The ceiling is optional, but required (and must be positive) as soon as a rule
	 * compares with it.
	 */
	private static BloodPressureLimits bloodPressure(JsonNode node, List<Rule> rules, List<FieldProblem> problems) {
		int systolic = node.path("systolicMax").asInt(0);
		int diastolic = node.path("diastolicMax").asInt(0);
		if (systolic <= 0 || diastolic <= 0) {
			problems.add(new FieldProblem("thresholds.bloodPressure", "systolicMax and diastolicMax are required"));
		}
		Integer ceilingSystolic = positiveOrNull(node, "absoluteCeilingSystolic", problems);
		Integer ceilingDiastolic = positiveOrNull(node, "absoluteCeilingDiastolic", problems);
		boolean ceilingNeeded = rules.stream()
			.anyMatch((rule) -> rule.kind() == Kind.BLOOD_PRESSURE
					&& BloodPressureLimit.valueOf(rule.match()) == BloodPressureLimit.ABSOLUTE_CEILING);
		if (ceilingNeeded && (ceilingSystolic == null || ceilingDiastolic == null)) {
			problems.add(new FieldProblem("thresholds.bloodPressure",
					"absoluteCeilingSystolic and absoluteCeilingDiastolic are required by an ABSOLUTE_CEILING rule"));
		}
		return new BloodPressureLimits(systolic, diastolic, ceilingSystolic, ceilingDiastolic);
	}

	private static Integer positiveOrNull(JsonNode node, String field, List<FieldProblem> problems) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isInt() || value.asInt() <= 0) {
			problems.add(new FieldProblem("thresholds.bloodPressure." + field, "must be a positive whole number"));
			return null;
		}
		return value.asInt();
	}

	private static void parseRule(JsonNode node, String path, List<Rule> rules, List<FieldProblem> problems) {
		try {
			Kind kind = Kind.valueOf(text(node, "kind"));
			String match = text(node, "match");
			if (kind == Kind.CONDITION) {
				ConditionCode.valueOf(match);
			}
			else if (kind == Kind.MEDICATION) {
				DrugClass.valueOf(match);
			}
			else if (kind == Kind.BLOOD_PRESSURE) {
				BloodPressureLimit.valueOf(match);
			}
			Set<Program> programs = java.util.EnumSet.noneOf(Program.class);
			node.path("programs").forEach((program) -> programs.add(Program.valueOf(program.asString())));
			if (programs.isEmpty() || text(node, "id") == null || text(node, "explanation") == null
					|| text(node, "source") == null) {
				throw new IllegalArgumentException("id, programs, explanation and source are required");
			}
			rules.add(new Rule(text(node, "id"), kind, match, Severity.valueOf(text(node, "severity")), programs,
					text(node, "explanation"), text(node, "source"), text(node, "confidence")));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			problems.add(new FieldProblem(path, "invalid rule: " + ex.getMessage()));
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

}
