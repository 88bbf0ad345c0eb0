package org.kapclinic.patient;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.kapclinic.shared.InvalidInputException.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;

class PatientRulesTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	@Test
	void aMinorWithoutGuardianIsRefused() {
		List<FieldProblem> problems = PatientRules.problems(details(LocalDate.of(2010, 1, 1), List.of()), TODAY, 18);

		assertThat(problems).extracting(FieldProblem::field).containsExactly("guardians");
	}

	@Test
	void theDayOfTheEighteenthBirthdayIsAdulthood() {
		assertThat(PatientRules.isMinor(LocalDate.of(2008, 11, 22), TODAY, 18)).isFalse();
		assertThat(PatientRules.isMinor(LocalDate.of(2008, 11, 23), TODAY, 18)).isTrue();
	}

	@Test
	void theAgeOfMajorityIsConfigurable() {
		assertThat(PatientRules.problems(details(LocalDate.of(2006, 1, 1), List.of()), TODAY, 21))
			.extracting(FieldProblem::field)
			.containsExactly("guardians");
	}

	@Test
	void aGuardianNeedsANameARelationshipAndAWayToReachThem() {
		List<FieldProblem> problems = PatientRules
			.problems(details(LocalDate.of(2010, 1, 1), List.of(new Guardian("Pat Parent", "", null, ""))), TODAY, 18);

		assertThat(problems).extracting(FieldProblem::field)
			.containsExactlyInAnyOrder("guardians[0].relationship", "guardians[0].phone");
	}

	@Test
	void blankGuardianRowsFromTheFormAreIgnored() {
		List<FieldProblem> problems = PatientRules
			.problems(details(LocalDate.of(1990, 1, 1), List.of(new Guardian("", "", "", ""))), TODAY, 18);

		assertThat(problems).isEmpty();
	}

	@Test
	void implausibleBirthDatesAreRefused() {
		assertThat(PatientRules.problems(details(LocalDate.of(1890, 1, 1), List.of()), TODAY, 18))
			.extracting(FieldProblem::field)
			.containsExactly("birthDate");
		assertThat(PatientRules.problems(details(TODAY.plusDays(1), List.of()), TODAY, 18))
			.extracting(FieldProblem::field)
			.containsExactly("birthDate");
	}

	private static PatientDetails details(LocalDate birthDate, List<Guardian> guardians) {
		return new PatientDetails("Juniper", "Quillfeather", null, null, birthDate, null, null, null, null, null, null,
				null, null, guardians, null, null);
	}

}
