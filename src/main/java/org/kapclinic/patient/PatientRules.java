package org.kapclinic.patient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.kapclinic.shared.InvalidInputException.FieldProblem;

/** Registration rules that Bean Validation cannot express (they need today's date). */
final class PatientRules {

	/** Oldest plausible birth date, to catch typos such as 1895 for 1995. */
	static final int MAX_AGE_YEARS = 120;

	private PatientRules() {
	}

	static List<FieldProblem> problems(PatientDetails details, LocalDate today, int ageOfMajority) {
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate birthDate = details.birthDate();
		List<Guardian> guardians = details.guardianList();
		for (int i = 0; i < guardians.size(); i++) {
			Guardian guardian = guardians.get(i);
			if (Texts.allBlank(guardian.name())) {
				problems.add(new FieldProblem("guardians[" + i + "].name", "guardian name is required"));
			}
			if (Texts.allBlank(guardian.relationship())) {
				problems.add(new FieldProblem("guardians[" + i + "].relationship", "relationship is required"));
			}
			if (!guardian.reachable()) {
				problems.add(new FieldProblem("guardians[" + i + "].phone", "give the guardian's phone or email"));
			}
		}
		if (birthDate == null) {
			return problems;
		}
		if (birthDate.isAfter(today)) {
			problems.add(new FieldProblem("birthDate", "must not be in the future"));
		}
		else if (birthDate.isBefore(today.minusYears(MAX_AGE_YEARS))) {
			problems.add(new FieldProblem("birthDate", "is more than " + MAX_AGE_YEARS + " years ago"));
		}
		else if (isMinor(birthDate, today, ageOfMajority)) {
			// Minors are treated with guardian permission plus their own assent (AAP;
			// clinical.md section 6).
			if (guardians.isEmpty()) {
				problems.add(new FieldProblem("guardians",
						"a patient under " + ageOfMajority + " needs at least one guardian"));
			}
		}
		return problems;
	}

	static boolean isMinor(LocalDate birthDate, LocalDate today, int ageOfMajority) {
		return birthDate.plusYears(ageOfMajority).isAfter(today);
	}

}
