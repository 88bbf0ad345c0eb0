package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A dosing protocol for one program and route, stored as versioned data
 * ({@code resources/protocols/*.json}; an administrator publishes a new version, a stored
 * version is never edited). Every threshold that is clinic policy rather than regulation
 * is here, with its provenance in {@link #sources()} keyed by field name.
 *
 * @param defaultDose the dose the order form proposes, in {@link #doseUnit()}
 * @param usualRange the range a prescriber usually orders in
 * @param softMaximum above it a PRESCRIBER must write a reason (override)
 * @param hardMaximum never exceeded, additional doses included; no override
 * @param infusionMinutes IV only: the order shows the infusion rate over this time
 * @param deviceMg esketamine: mg per nasal spray device (28)
 * @param minutesBetweenDevices esketamine: rest between devices (5)
 * @param allowedDosesMg esketamine: the doses a kit can give (28, 56, 84)
 * @param weightValidityDays the weight used for mg/kg must be at most this old
 * @param minorWeightValidityDays the same for a patient under the age of majority (0 =
 * measured the same clinic day)
 * @param secondPersonVerification a second clinician verifies the order before the dose
 * @param checklist pre-dose checklist item codes
 * @param hold pre-dose vitals above these hold the session
 * @param alerts in-session thresholds that raise an alert at once
 * @param vitals when vitals are due
 * @param minimumObservationMinutes time since the last dose before discharge (esketamine
 * never below the REMS 120)
 * @param discharge discharge criteria
 */
public record Protocol(String code, Integer version, String name, String program, Route route, String drug,
		DoseUnit doseUnit, BigDecimal defaultDose, Range usualRange, BigDecimal softMaximum, BigDecimal hardMaximum,
		Integer infusionMinutes, Integer deviceMg, Integer minutesBetweenDevices, List<Integer> allowedDosesMg,
		Integer weightValidityDays, Integer minorWeightValidityDays, Boolean secondPersonVerification,
		List<String> checklist, HoldThresholds hold, AlertThresholds alerts, VitalsPlan vitals,
		Integer minimumObservationMinutes, DischargeCriteria discharge, Map<String, String> sources) {

	/** A dose range in the protocol's unit. */
	public record Range(BigDecimal min, BigDecimal max) {
	}

	/**
	 * Pre-dose vitals that hold the session (strictly above the value; null = not used).
	 */
	public record HoldThresholds(Integer systolicAbove, Integer diastolicAbove, Integer heartRateAbove,
			Integer spo2Below) {
	}

	/** In-session thresholds; a reading at or beyond one raises an alert. */
	public record AlertThresholds(Integer systolicAtLeast, Integer diastolicAtLeast, Integer heartRateAbove,
			Integer heartRateBelow, Integer spo2Below, Integer respiratoryRateBelow, Integer moaasAtMost,
			Integer cadssAtLeast) {
	}

	/**
	 * Vitals schedule: a baseline before the dose, then every
	 * {@code duringDoseEveryMinutes} while the drug is running, at each of
	 * {@code atMinutesAfterFirstDose} (esketamine: ~40 min, the expected BP peak), and
	 * every {@code afterDoseEveryMinutes} until discharge.
	 */
	public record VitalsPlan(Integer duringDoseEveryMinutes, List<Integer> atMinutesAfterFirstDose,
			Integer afterDoseEveryMinutes) {
	}

	/**
	 * Discharge: the attested criteria and how far the last blood pressure may stay above
	 * the baseline (modified Aldrete: within 20 % of baseline scores full marks).
	 */
	public record DischargeCriteria(List<String> criteria, Integer maxRiseOverBaselinePercent) {
	}

	public boolean esketamine() {
		return this.route == Route.IN;
	}

	public boolean infusion() {
		return this.route == Route.IV;
	}

	public boolean verificationRequired() {
		return Boolean.TRUE.equals(this.secondPersonVerification);
	}

}
