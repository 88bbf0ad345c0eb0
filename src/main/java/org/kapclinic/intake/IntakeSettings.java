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
 */
@ConfigurationProperties("kap.intake")
record IntakeSettings(Integer failedAdequateTrialsForTreatmentResistance, Integer adequateTrialMinWeeks,
		Duration decisionValidity, Duration linkValidity) {

	IntakeSettings {
		failedAdequateTrialsForTreatmentResistance = (failedAdequateTrialsForTreatmentResistance == null) ? 2
				: failedAdequateTrialsForTreatmentResistance;
		adequateTrialMinWeeks = (adequateTrialMinWeeks == null) ? 6 : adequateTrialMinWeeks;
		decisionValidity = (decisionValidity == null) ? Duration.ofDays(365) : decisionValidity;
		linkValidity = (linkValidity == null) ? Duration.ofDays(7) : linkValidity;
	}

}
