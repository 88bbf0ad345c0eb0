package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kapclinic.intake.Program;
import org.kapclinic.shared.InvalidInputException.FieldProblem;

/**
 * What a protocol version must satisfy before it is stored. Most values are clinic
 * policy; these limits are not: no protocol can make anesthetic doses orderable, and no
 * esketamine protocol can shorten the REMS observation.
 */
final class ProtocolRules {

	/**
	 * Highest hard maximum a protocol may set per route, in its dose unit (clinical.md
	 * 1.1, "suggested software caps"). IV: 1.0 mg/kg, the top of the Fava 2020
	 * dose-ranging arms; anesthetic induction starts at 1 mg/kg (Ketalar PI). IM: 2.5
	 * mg/kg, the KPT psychedelic dose (Krupitsky, MAPS KPT protocol); ED dissociative
	 * sedation starts at 4 mg/kg (ACEP 2011). SL: 400 mg, the top of the CTP lozenge
	 * range (100–400 mg). IN: 84 mg, the labelled maximum (Spravato PI, 1.2).
	 */
	static final Map<Route, BigDecimal> ABSOLUTE_CEILING = Map.of(Route.IV, new BigDecimal("1.0"), Route.IM,
			new BigDecimal("2.5"), Route.SL, new BigDecimal("400"), Route.IN, new BigDecimal("84"));

	/**
	 * IV: no protocol infuses faster than 1.5 mg/kg/h (1.0 mg/kg over 40 min, the highest
	 * arm of Fava 2020; Pennsylvania's 2020 low-dose guideline keeps outpatient infusions
	 * at ≤ 1 mg/kg/h; clinical.md §9), and none shorter than 30 minutes (issue 13: a
	 * protocol could set a 5-minute infusion).
	 */
	static final BigDecimal ABSOLUTE_MAX_RATE = new BigDecimal("1.5");

	static final int ABSOLUTE_MIN_INFUSION_MINUTES = 30;

	/**
	 * SL (fixed mg): the weight-based ceiling may not exceed 7.0 mg/kg, the top of the
	 * weight-based oral doses reported (Andrade 2019, J Clin Psychiatry: 0.25–7.0 mg/kg).
	 */
	static final BigDecimal ABSOLUTE_SL_MG_PER_KG = new BigDecimal("7.0");

	/**
	 * Adolescents only where clinical.md §6 cites evidence: IV (Dwyer 2021, ages 13–17;
	 * SAD-KIDS NCT03889756) and IM in a monitored setting; SL and esketamine (not
	 * approved below 18, Spravato PI) are for adults.
	 */
	static final int ADOLESCENT_MIN_AGE = 13;

	/** Spravato REMS: at least 2 hours of observation after each session (2.1). */
	static final int REMS_OBSERVATION_MINUTES = 120;

	static final Set<String> CHECKLIST_ITEMS = ChecklistItem.codes();

	static final Set<String> DISCHARGE_CRITERIA = DischargeCriterion.codes();

	private ProtocolRules() {
	}

	static List<FieldProblem> problems(Protocol p) {
		List<FieldProblem> problems = new ArrayList<>();
		if (p.code() == null || !p.code().matches("[A-Z0-9_]{2,40}")) {
			problems.add(new FieldProblem("code", "2–40 capitals, digits or _"));
		}
		if (p.version() == null || p.version() < 1) {
			problems.add(new FieldProblem("version", "a whole number from 1"));
		}
		if (p.name() == null || p.name().isBlank() || p.name().length() > 200) {
			problems.add(new FieldProblem("name", "required, at most 200 characters"));
		}
		if (p.program() == null || !programs().contains(p.program())) {
			problems.add(new FieldProblem("program", "one of " + programs()));
		}
		if (p.route() == null) {
			problems.add(new FieldProblem("route", "one of IV, IM, SL, IN"));
		}
		if (p.doseUnit() == null) {
			problems.add(new FieldProblem("doseUnit", "MG_PER_KG or MG"));
		}
		if (p.route() != null && p.doseUnit() != null) {
			doses(p, problems);
		}
		if ("ESKETAMINE".equals(p.program()) != (p.route() == Route.IN)) {
			problems.add(new FieldProblem("route", "esketamine is given intranasally (IN), and only esketamine is"));
		}
		if (p.route() == Route.IN) {
			devices(p, problems);
		}
		if (p.route() == Route.IV) {
			InfusionRules.problems(p, problems);
		}
		ages(p, problems);
		positive(problems, "weightValidityDays", p.weightValidityDays(), 0, 365);
		positive(problems, "minorWeightValidityDays", p.minorWeightValidityDays(), 0, 365);
		if (p.checklist() == null || !CHECKLIST_ITEMS.containsAll(p.checklist())) {
			problems.add(new FieldProblem("checklist", "item codes from " + CHECKLIST_ITEMS));
		}
		if (p.hold() == null || p.alerts() == null || p.vitals() == null) {
			problems.add(new FieldProblem("hold", "hold, alerts and vitals thresholds are required"));
		}
		else if (p.hold().ceilingSystolicAtLeast() == null || p.hold().ceilingDiastolicAtLeast() == null
				|| (p.hold().systolicAbove() != null && p.hold().ceilingSystolicAtLeast() <= p.hold().systolicAbove())
				|| (p.hold().diastolicAbove() != null
						&& p.hold().ceilingDiastolicAtLeast() <= p.hold().diastolicAbove())) {
			problems.add(new FieldProblem("hold.ceilingSystolicAtLeast",
					"the pre-dose ceiling (systolic and diastolic) is required and above the hold thresholds"));
		}
		int minimumObservation = (p.minimumObservationMinutes() == null) ? -1 : p.minimumObservationMinutes();
		if (minimumObservation < 0 || minimumObservation > 720) {
			problems.add(new FieldProblem("minimumObservationMinutes", "0–720 minutes"));
		}
		else if (p.route() == Route.IN && minimumObservation < REMS_OBSERVATION_MINUTES) {
			problems.add(new FieldProblem("minimumObservationMinutes",
					"the Spravato REMS requires at least 120 minutes of observation after each session"));
		}
		if (p.discharge() == null || p.discharge().criteria() == null
				|| !DISCHARGE_CRITERIA.containsAll(p.discharge().criteria())) {
			problems.add(new FieldProblem("discharge.criteria", "criteria codes from " + DISCHARGE_CRITERIA));
		}
		if (p.sources() == null || p.sources().isEmpty()) {
			problems.add(new FieldProblem("sources", "each value needs its source"));
		}
		return problems;
	}

	private static void doses(Protocol p, List<FieldProblem> problems) {
		if (p.hardMaximum() == null || p.hardMaximum().signum() <= 0) {
			problems.add(new FieldProblem("hardMaximum", "required and positive"));
			return;
		}
		BigDecimal ceiling = ABSOLUTE_CEILING.get(p.route());
		if (p.hardMaximum().compareTo(ceiling) > 0) {
			problems.add(new FieldProblem("hardMaximum", "at most " + ceiling.toPlainString() + " " + unit(p.doseUnit())
					+ " for " + p.route() + ": higher doses reach anesthetic territory"));
		}
		if (p.softMaximum() == null || p.softMaximum().signum() <= 0
				|| p.softMaximum().compareTo(p.hardMaximum()) > 0) {
			problems.add(new FieldProblem("softMaximum", "required, positive, not above the hard maximum"));
		}
		if (p.defaultDose() == null || p.defaultDose().signum() <= 0
				|| p.defaultDose().compareTo(p.hardMaximum()) > 0) {
			problems.add(new FieldProblem("defaultDose", "required, positive, not above the hard maximum"));
		}
		if (p.usualRange() == null || p.usualRange().min() == null || p.usualRange().max() == null
				|| p.usualRange().min().compareTo(p.usualRange().max()) > 0
				|| p.usualRange().max().compareTo(p.hardMaximum()) > 0) {
			problems.add(new FieldProblem("usualRange", "min ≤ max ≤ hard maximum"));
		}
		if ((p.route() == Route.IV || p.route() == Route.IM) && p.doseUnit() != DoseUnit.MG_PER_KG) {
			problems.add(new FieldProblem("doseUnit", "IV and IM doses are weight-based (MG_PER_KG)"));
		}
		if (p.route() == Route.SL && (p.hardMaximumMgPerKg() == null || p.hardMaximumMgPerKg().signum() <= 0
				|| p.hardMaximumMgPerKg().compareTo(ABSOLUTE_SL_MG_PER_KG) > 0)) {
			problems.add(new FieldProblem("hardMaximumMgPerKg",
					"sublingual protocols need a weight-based ceiling of at most "
							+ ABSOLUTE_SL_MG_PER_KG.toPlainString() + " mg/kg (Andrade 2019)"));
		}
	}

	private static void ages(Protocol p, List<FieldProblem> problems) {
		if (p.minAgeYears() == null || p.maxAgeYears() == null || p.minAgeYears() < 0 || p.maxAgeYears() > 120
				|| p.minAgeYears() > p.maxAgeYears()) {
			problems
				.add(new FieldProblem("minAgeYears", "minAgeYears and maxAgeYears are required, 0 ≤ min ≤ max ≤ 120"));
			return;
		}
		boolean adolescentEvidence = p.route() == Route.IV || p.route() == Route.IM;
		int youngest = (p.route() == Route.IN) ? Protocol.ESKETAMINE_MIN_AGE
				: adolescentEvidence ? ADOLESCENT_MIN_AGE : Protocol.ESKETAMINE_MIN_AGE;
		if (p.route() != null && p.minAgeYears() < youngest) {
			problems.add(new FieldProblem("minAgeYears",
					(p.route() == Route.IN) ? "esketamine is not approved below 18 (Spravato PI)"
							: adolescentEvidence ? "no evidence below 13 (Dwyer 2021: 13–17)"
									: "adolescents only for IV and IM in a monitored setting (clinical.md §6)"));
		}
	}

	private static void devices(Protocol p, List<FieldProblem> problems) {
		if (p.doseUnit() != DoseUnit.MG || p.deviceMg() == null || p.deviceMg() != 28) {
			problems.add(new FieldProblem("deviceMg", "esketamine is dosed in mg, 28 mg per device"));
		}
		if (p.minutesBetweenDevices() == null || p.minutesBetweenDevices() < 5) {
			problems.add(new FieldProblem("minutesBetweenDevices", "at least the labelled 5-minute rest"));
		}
		// Spravato PI dosing (clinical.md 1.2): 56 or 84 mg; 28 mg is the HK/EU day-1
		// dose
		// from 65 only, a regional option.
		if (p.allowedDosesMg() == null || p.allowedDosesMg().isEmpty()
				|| !List.of(56, 84).containsAll(p.allowedDosesMg())) {
			problems.add(new FieldProblem("allowedDosesMg", "56 and/or 84 mg (Spravato PI)"));
		}
		if (p.dosesFromAge65Mg() != null && !List.of(28).containsAll(p.dosesFromAge65Mg())) {
			problems
				.add(new FieldProblem("dosesFromAge65Mg", "only 28 mg, or empty (regional option, off by default)"));
		}
		if (p.firstDoseMg() == null || p.allowedDosesMg() == null || !p.allowedDosesMg().contains(p.firstDoseMg())) {
			problems.add(new FieldProblem("firstDoseMg", "one of the allowed doses (label: 56 mg on induction day 1)"));
		}
	}

	private static void positive(List<FieldProblem> problems, String field, Integer value, int min, int max) {
		if (value == null || value < min || value > max) {
			problems.add(new FieldProblem(field, min + "–" + max));
		}
	}

	static String unit(DoseUnit unit) {
		return (unit == DoseUnit.MG_PER_KG) ? "mg/kg" : "mg";
	}

	private static List<String> programs() {
		return java.util.Arrays.stream(Program.values()).map(Enum::name).toList();
	}

}
