package org.kapclinic.patient;

import java.util.ArrayList;
import java.util.List;

import org.kapclinic.shared.InvalidInputException;
import org.springframework.validation.BindingResult;

/** Turns records into forms and business-rule failures into field errors. */
final class PatientForms {

	/** Forms always offer two guardian rows; blank rows are ignored on save. */
	private static final int GUARDIAN_ROWS = 2;

	private PatientForms() {
	}

	static PatientDetails blank() {
		return new PatientDetails("", "", null, null, null, null, null, null, null, null, null, null, null,
				guardianRows(List.of()), null, null);
	}

	static PatientDetails from(PatientView view) {
		return new PatientDetails(view.givenName(), view.familyName(), view.preferredName(), view.pronouns(),
				view.birthDate(), view.sexAtBirth(), view.genderIdentity(), view.phone(), view.email(), view.address(),
				view.emergencyContact(), view.primaryCare(), view.outsideTherapist(), guardianRows(view.guardians()),
				view.version(), null);
	}

	static void reject(InvalidInputException ex, BindingResult result) {
		ex.problems().forEach((problem) -> {
			if (problem.field().startsWith("guardians")) {
				result.reject("guardians", problem.message());
			}
			else if (problem.field().equals("version")) {
				result.reject("version", problem.message());
			}
			else {
				result.rejectValue(problem.field(), "invalid", problem.message());
			}
		});
	}

	private static List<Guardian> guardianRows(List<Guardian> guardians) {
		List<Guardian> rows = new ArrayList<>(guardians);
		while (rows.size() < GUARDIAN_ROWS) {
			rows.add(new Guardian("", "", "", ""));
		}
		return rows;
	}

}
