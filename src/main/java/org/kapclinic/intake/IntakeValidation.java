package org.kapclinic.intake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.kapclinic.shared.InvalidInputException.FieldProblem;

/** Field-level checks of intake codes that Bean Validation cannot do. */
final class IntakeValidation {

	private IntakeValidation() {
	}

	static List<FieldProblem> problems(IntakeAnswers answers, DiagnosisCatalog diagnoses, boolean submitting) {
		List<FieldProblem> problems = new ArrayList<>();
		for (int i = 0; i < answers.diagnoses().size(); i++) {
			if (diagnoses.find(answers.diagnoses().get(i)).isEmpty()) {
				problems.add(new FieldProblem("diagnoses[" + i + "]",
						"unknown ICD-10-CM code '" + answers.diagnoses().get(i) + "' (search /api/v1/diagnoses?q=)"));
			}
		}
		for (int i = 0; i < answers.conditions().size(); i++) {
			if (!isOneOf(answers.conditions().get(i), ConditionCode.values())) {
				problems.add(new FieldProblem("conditions[" + i + "]", "unknown condition code '"
						+ answers.conditions().get(i) + "'; one of " + Arrays.toString(ConditionCode.values())));
			}
		}
		for (int i = 0; i < answers.medications().size(); i++) {
			String drugClass = answers.medications().get(i).drugClass();
			if (!isOneOf(drugClass, DrugClass.values())) {
				problems.add(new FieldProblem("medications[" + i + "].drugClass",
						"unknown drug class '" + drugClass + "'; one of " + Arrays.toString(DrugClass.values())));
			}
		}
		if (submitting) {
			for (int i = 0; i < answers.medications().size(); i++) {
				IntakeAnswers.Medication medication = answers.medications().get(i);
				if (DrugClass.UNCLASSIFIED.name().equals(medication.drugClass())) {
					problems.add(new FieldProblem("medications[" + i + "].drugClass",
							"choose the class of " + medication.name() + " (the patient listed it by name)"));
				}
			}
			IntakeAnswers.Vitals vitals = answers.vitals();
			if (vitals == null || vitals.systolic() == null || vitals.diastolic() == null
					|| vitals.heartRate() == null) {
				problems.add(new FieldProblem("vitals",
						"baseline blood pressure and heart rate are needed to submit the intake"));
			}
		}
		return problems;
	}

	private static boolean isOneOf(String code, Enum<?>[] values) {
		for (Enum<?> value : values) {
			if (value.name().equals(code)) {
				return true;
			}
		}
		return false;
	}

}
