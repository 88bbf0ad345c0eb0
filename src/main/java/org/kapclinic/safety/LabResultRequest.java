package org.kapclinic.safety;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;

/**
 * A lab result as staff record it from the laboratory's report.
 *
 * @param code the test's LOINC code (1742-6 ALT, 1920-8 AST, 2324-2 GGT, 6768-6 alkaline
 * phosphatase, 1975-2 total bilirubin; qualitative: 5794-3 urine blood, 12327-3, 19295-5,
 * 14316-4, 19261-7, 19359-9 urine drug screens)
 * @param referenceHigh the laboratory's upper reference limit (required for a numeric
 * test: the flags are multiples of it)
 * @param result a qualitative test's POSITIVE or NEGATIVE (instead of value, unit and
 * range)
 */
public record LabResultRequest(String code, BigDecimal value, String unit, BigDecimal referenceLow,
		BigDecimal referenceHigh, Instant collectedAt, String result) {

	/** The test, once every field is right for it (all problems at once otherwise). */
	LabTest validated(Instant now) {
		List<FieldProblem> problems = new ArrayList<>();
		LabTest test = LabTest.ofLoinc(this.code).orElse(null);
		if (test == null) {
			problems.add(new FieldProblem("code", "a LOINC code of a recorded test: " + LabTest.loincCodes()));
			if (this.result == null) {
				numeric(problems);
			}
		}
		else if (test.qualitative()) {
			if (LabResultValue.parse(this.result) == null) {
				problems.add(new FieldProblem("result", "POSITIVE or NEGATIVE, as the report says"));
			}
			if (this.value != null) {
				problems.add(new FieldProblem("value", "a positive/negative test has no number: send result"));
			}
		}
		else {
			numeric(problems);
		}
		if (this.collectedAt == null || this.collectedAt.isAfter(now.plus(Duration.ofMinutes(1)))) {
			problems.add(new FieldProblem("collectedAt", "when the sample was taken, not in the future"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return test;
	}

	private void numeric(List<FieldProblem> problems) {
		if (this.result != null) {
			problems.add(new FieldProblem("result", "only a positive/negative test has one: send value"));
		}
		if (this.value == null || this.value.signum() < 0) {
			problems.add(new FieldProblem("value", "the result, a number of at least 0"));
		}
		if (this.unit == null || this.unit.isBlank() || this.unit.strip().length() > 20) {
			problems.add(new FieldProblem("unit", "the unit on the report, e.g. U/L (1–20 characters)"));
		}
		if (this.referenceHigh == null || this.referenceHigh.signum() <= 0) {
			problems.add(new FieldProblem("referenceHigh", "the laboratory's upper reference limit, above 0"));
		}
		else if (this.referenceLow != null && this.referenceLow.compareTo(this.referenceHigh) > 0) {
			problems.add(new FieldProblem("referenceLow", "must not be above referenceHigh"));
		}
	}

}
