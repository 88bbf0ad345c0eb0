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
record Finding(String rule, String condition, Severity severity, Set<Program> programs, String explanation,
		String source, String confidence, String detail) {

	public boolean appliesTo(Program program) {
		return this.programs.contains(program);
	}

	/** What triggered the finding, in words ("Aneurysm or AVM", "Medication"). */
	public String conditionLabel() {
		return switch (this.condition) {
			case "MEDICATION" -> "Medication";
			case "DIAGNOSIS" -> "Diagnosis";
			case "BLOOD_PRESSURE" -> "Blood pressure";
			case "AGE" -> "Age";
			default -> {
				try {
					yield ConditionCode.valueOf(this.condition).label();
				}
				catch (IllegalArgumentException ex) {
					yield this.condition.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
				}
			}
		};
	}

	/** What exactly matched, unless it only repeats the condition's code. */
	public String detailLabel() {
		return (this.detail == null || this.detail.equals(this.condition)) ? "" : this.detail;
	}

	/** The primary sources of the rule, as a clinician cites them. */
	public String citation() {
		return Citations.forClinician(this.source);
	}

	public String confidenceLabel() {
		return Citations.confidence(this.confidence);
	}

	/** The programs it applies to, in words. */
	public String programLabels() {
		return String.join(", ", this.programs.stream().sorted().map(EligibilityPage::program).toList());
	}

}
