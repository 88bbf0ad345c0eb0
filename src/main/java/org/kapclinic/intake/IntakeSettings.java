package org.kapclinic.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Intake and eligibility policy ({@code kap.intake.*}). None of these figures comes from
 * a verified source in clinical.md; they are clinic policy with documented defaults.
 *
 * @param failedAdequateTrialsForTreatmentResistance adequate antidepressant trials that
 * must have failed to flag treatment resistance (2; clinical.md: TRD has no ICD-10-CM
 * code, record it as a flag with the failed-trial count)
 * @param adequateTrialMinWeeks when a trial does not say whether it was adequate, at
 * least this many weeks count as adequate (6)
 * @param decisionValidity how long an eligibility decision stands (12 months)
 * @param linkValidity how long a patient's intake link works (7 days)
 * @param portalWithdrawable consent documents a patient (or the guardian who signed them)
 * may withdraw in the portal themself (issue 21); the care team is given a task at once.
 * Default: all but the esketamine REMS enrollment, whose changes go through the
 * prescriber and the REMS program. A HIPAA authorization (the release of information) is
 * revocable in writing at any time (45 CFR 164.508(b)(5)).
 */
@ConfigurationProperties("kap.intake")
record IntakeSettings(Integer failedAdequateTrialsForTreatmentResistance, Integer adequateTrialMinWeeks,
		Duration decisionValidity, Duration linkValidity, java.util.List<String> portalWithdrawable) {

	IntakeSettings {
		failedAdequateTrialsForTreatmentResistance = (failedAdequateTrialsForTreatmentResistance == null) ? 2
				: failedAdequateTrialsForTreatmentResistance;
		adequateTrialMinWeeks = (adequateTrialMinWeeks == null) ? 6 : adequateTrialMinWeeks;
		decisionValidity = (decisionValidity == null) ? Duration.ofDays(365) : decisionValidity;
		linkValidity = (linkValidity == null) ? Duration.ofDays(7) : linkValidity;
		portalWithdrawable = (portalWithdrawable == null)
				? ConsentDocuments.CODES.stream().filter((code) -> !"ESKETAMINE_REMS_ENROLLMENT".equals(code)).toList()
				: java.util.List.copyOf(portalWithdrawable);
	}

}
