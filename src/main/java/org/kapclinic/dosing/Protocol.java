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
 * @param minInfusionMinutes IV: the shortest infusion time the protocol allows (the code
 * refuses protocols below 30 minutes)
 * @param maxRateMgPerKgPerHour IV: the highest infusion rate; orders and rate changes
 * above it are refused
 * @param hardMaximumMgPerKg fixed-mg racemic protocols (SL): a weight-based ceiling
 * checked against the valid weight as well as the mg ceiling
 * @param minAgeYears the youngest patient the protocol covers, in whole years at check-in
 * @param maxAgeYears the oldest patient the protocol covers
 * @param firstDoseMg esketamine: the dose of the first session of a course (induction day
 * 1); another dose needs a written reason
 * @param dosesFromAge65Mg esketamine: doses allowed only from age 65 (a regional option,
 * empty = off)
 */
record Protocol(String code, Integer version, String name, String program, Route route, String drug, DoseUnit doseUnit,
		BigDecimal defaultDose, Range usualRange, BigDecimal softMaximum, BigDecimal hardMaximum,
		Integer infusionMinutes, Integer deviceMg, Integer minutesBetweenDevices, List<Integer> allowedDosesMg,
		Integer weightValidityDays, Integer minorWeightValidityDays, Boolean secondPersonVerification,
		List<String> checklist, HoldThresholds hold, AlertThresholds alerts, VitalsPlan vitals,
		Integer minimumObservationMinutes, DischargeCriteria discharge, Map<String, String> sources,
		Integer minInfusionMinutes, BigDecimal maxRateMgPerKgPerHour, BigDecimal hardMaximumMgPerKg,
		Integer minAgeYears, Integer maxAgeYears, Integer firstDoseMg, List<Integer> dosesFromAge65Mg) {

	/**
	 * The rate cap for a stored version that predates the field: 1.0 mg/kg over 40 min,
	 * the top of published depression protocols (Fava 2020 gave up to 1.0 mg/kg over 40
	 * min; clinical.md §9).
	 */
	static final BigDecimal DEFAULT_MAX_RATE_MG_PER_KG_PER_HOUR = new BigDecimal("1.5");

	/**
	 * The pre-dose ceiling for a stored version that predates the field: 180/110, the
	 * clinic default alert threshold (clinical.md 2.2, institutional rule [U]; the Swiss
	 * ketamine label's uncontrolled hypertension is above 180/100, §9).
	 */
	static final int DEFAULT_CEILING_SYSTOLIC = 180;

	static final int DEFAULT_CEILING_DIASTOLIC = 110;

	/**
	 * Spravato is not approved below 18 (Spravato PI; clinical.md §6), whatever the
	 * clinic's age of majority.
	 */
	static final int ESKETAMINE_MIN_AGE = 18;

	/** A dose range in the protocol's unit. */
	public record Range(BigDecimal min, BigDecimal max) {
	}

	/**
	 * Pre-dose vitals that hold the session (strictly above the value; null = not used),
	 * and the absolute pre-dose ceiling: a reading at or above it holds the session in a
	 * way one person cannot override (a recheck below it after rest, or a co-signed
	 * override).
	 */
	public record HoldThresholds(Integer systolicAbove, Integer diastolicAbove, Integer heartRateAbove,
			Integer spo2Below, Integer ceilingSystolicAtLeast, Integer ceilingDiastolicAtLeast) {

		int ceilingSystolic() {
			return (this.ceilingSystolicAtLeast != null) ? this.ceilingSystolicAtLeast : DEFAULT_CEILING_SYSTOLIC;
		}

		int ceilingDiastolic() {
			return (this.ceilingDiastolicAtLeast != null) ? this.ceilingDiastolicAtLeast : DEFAULT_CEILING_DIASTOLIC;
		}

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

	/**
	 * Pulse oximetry on every reading: the Spravato REMS (clinical.md 2.1), and IV and IM
	 * sessions, where respiratory depression is the dose-related hazard (issue 13).
	 */
	public boolean spo2Required() {
		return this.route != Route.SL;
	}

	/** IV: the rate cap, with the documented default for versions stored before it. */
	BigDecimal maxRate() {
		return (this.maxRateMgPerKgPerHour != null) ? this.maxRateMgPerKgPerHour : DEFAULT_MAX_RATE_MG_PER_KG_PER_HOUR;
	}

	/** The youngest age covered; a version stored before the field covers adults only. */
	int minAge() {
		int declared = (this.minAgeYears != null) ? this.minAgeYears : ESKETAMINE_MIN_AGE;
		return esketamine() ? Math.max(declared, ESKETAMINE_MIN_AGE) : declared;
	}

	/** The oldest age covered (none for a version stored before the field). */
	int maxAge() {
		return (this.maxAgeYears != null) ? this.maxAgeYears : Integer.MAX_VALUE;
	}

	/**
	 * Esketamine doses allowed for a patient of this age (28 mg only from 65, if
	 * enabled).
	 */
	List<Integer> allowedDosesMg(int ageYears) {
		List<Integer> allowed = new java.util.ArrayList<>(
				(this.allowedDosesMg != null) ? this.allowedDosesMg : List.of());
		// Versions stored before the option listed 28 mg for everyone: 28 mg is the
		// HK/EU day-1 dose from 65 only (clinical.md 1.2), so it is never allowed below.
		allowed.remove(Integer.valueOf(28));
		if (ageYears >= 65 && this.dosesFromAge65Mg != null) {
			allowed.addAll(this.dosesFromAge65Mg);
		}
		return allowed.stream().distinct().sorted().toList();
	}

}
