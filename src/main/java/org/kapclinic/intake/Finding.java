package org.kapclinic.intake;

import java.util.Set;

/**
 * One reason a screening speaks against treatment.
 *
 * @param rule the rule id
 * @param condition the intake code or measurement that triggered it
 * ({@code ANEURYSM_OR_AVM}, {@code BLOOD_PRESSURE}, {@code AGE}, {@code MEDICATION},
 * {@code DIAGNOSIS})
 * @param detail what exactly matched (a reading, a medication, a code)
 * @param programs the programs the rule applies to
 */
public record Finding(String rule, String condition, Severity severity, Set<Program> programs, String explanation,
		String source, String confidence, String detail) {

	public boolean appliesTo(Program program) {
		return this.programs.contains(program);
	}

}
