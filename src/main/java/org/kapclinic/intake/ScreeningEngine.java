package org.kapclinic.intake;

import java.util.ArrayList;
import java.util.List;

import org.kapclinic.intake.IntakeAnswers.Medication;
import org.kapclinic.intake.IntakeAnswers.Vitals;
import org.kapclinic.intake.RuleSet.BloodPressureLimit;
import org.kapclinic.intake.RuleSet.BloodPressureLimits;
import org.kapclinic.intake.RuleSet.Rule;

/**
 * Applies a rule set to an intake: pure, so every rule can be tested firing and not
 * firing.
 */
final class ScreeningEngine {

	private ScreeningEngine() {
	}

	static List<Finding> evaluate(RuleSet rules, IntakeAnswers intake, int ageYears) {
		List<Finding> findings = new ArrayList<>();
		for (Rule rule : rules.rules()) {
			String detail = switch (rule.kind()) {
				case CONDITION -> intake.conditions().contains(rule.match()) ? rule.match() : null;
				case MEDICATION -> medication(intake, rule.match());
				case DIAGNOSIS -> diagnosis(intake, rule.match());
				case BLOOD_PRESSURE ->
					bloodPressure(intake.vitals(), BloodPressureLimit.valueOf(rule.match()), rules.bloodPressure());
				case AGE -> age(rule, ageYears, rules);
			};
			if (detail != null) {
				String condition = switch (rule.kind()) {
					case CONDITION -> rule.match();
					case MEDICATION -> "MEDICATION";
					case DIAGNOSIS -> "DIAGNOSIS";
					case BLOOD_PRESSURE -> "BLOOD_PRESSURE";
					case AGE -> "AGE";
				};
				findings.add(new Finding(rule.id(), condition, rule.severity(), rule.programs(), rule.explanation(),
						rule.source(), rule.confidence(), detail));
			}
		}
		return findings;
	}

	private static String medication(IntakeAnswers intake, String drugClass) {
		List<String> names = intake.medications()
			.stream()
			.filter((m) -> drugClass.equals(m.drugClass()))
			.map(Medication::name)
			.toList();
		return names.isEmpty() ? null : String.join(", ", names);
	}

	/**
	 * A diagnosis rule matches its code and every more specific code under it: "F20"
	 * matches F20 and F20.0 (not F200), "F31.1" matches F31.10 to F31.13.
	 */
	private static String diagnosis(IntakeAnswers intake, String prefix) {
		String under = prefix.contains(".") ? prefix : prefix + ".";
		return intake.diagnoses()
			.stream()
			.filter((code) -> code.equals(prefix) || code.startsWith(under))
			.findFirst()
			.orElse(null);
	}

	/**
	 * The precaution limit fires strictly above either number (clinical.md §3 "Baseline
	 * BP >140/90"); the absolute ceiling fires at or above either number (issue 13: a
	 * baseline at or above the pre-dose ceiling, the reading at which dosing is held).
	 */
	private static String bloodPressure(Vitals vitals, BloodPressureLimit limit, BloodPressureLimits limits) {
		if (vitals == null || vitals.systolic() == null || vitals.diastolic() == null) {
			return null;
		}
		String reading = vitals.systolic() + "/" + vitals.diastolic() + " mmHg";
		return switch (limit) {
			case BLOOD_PRESSURE ->
				(vitals.systolic() > limits.systolicMax() || vitals.diastolic() > limits.diastolicMax())
						? reading + " (limit " + limits.systolicMax() + "/" + limits.diastolicMax() + ")" : null;
			case ABSOLUTE_CEILING -> (vitals.systolic() >= limits.absoluteCeilingSystolic()
					|| vitals.diastolic() >= limits.absoluteCeilingDiastolic())
							? reading + " (at or above the ceiling " + limits.absoluteCeilingSystolic() + "/"
									+ limits.absoluteCeilingDiastolic() + ")"
							: null;
		};
	}

	/**
	 * Fires when the patient is younger than the minimum age of any program the rule
	 * covers.
	 */
	private static String age(Rule rule, int ageYears, RuleSet rules) {
		for (Program program : rule.programs()) {
			int minimum = rules.minimumAgeYears().get(program);
			if (ageYears < minimum) {
				return "age " + ageYears + " (minimum " + minimum + " for " + program + ")";
			}
		}
		return null;
	}

}
