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
	 * Highest hard maximum a protocol may set per route, in its dose unit. IV: anesthetic
	 * induction starts at 1 mg/kg (Ketalar PI, clinical.md 1.1). IM: ED dissociative
	 * sedation starts at 4 mg/kg (ACEP 2011), the KPT psychedelic dose is 2.5 mg/kg. SL:
	 * literature per-session doses reach ~400 mg (1.1), 500 mg leaves a clinic headroom.
	 * IN: 84 mg is the labelled maximum (Spravato PI, 1.2).
	 */
	static final Map<Route, BigDecimal> ABSOLUTE_CEILING = Map.of(Route.IV, new BigDecimal("1.0"), Route.IM,
			new BigDecimal("3.5"), Route.SL, new BigDecimal("500"), Route.IN, new BigDecimal("84"));

	/** Spravato REMS: at least 2 hours of observation after each session (2.1). */
	static final int REMS_OBSERVATION_MINUTES = 120;

	static final Set<String> CHECKLIST_ITEMS = Set.of("FASTING", "RIDE_HOME", "PREGNANCY_TEST", "PRE_SESSION_MEASURES",
			"INTERACTING_MEDICATIONS", "INTENTIONS_REVIEWED", "NASAL_PREPARATION", "IV_ACCESS");

	static final Set<String> DISCHARGE_CRITERIA = Set.of("VITALS_NEAR_BASELINE", "ALERT_ORIENTED", "ESCORT_PRESENT",
			"INSTRUCTIONS_GIVEN", "CLINICALLY_STABLE", "TOLERATING_FLUIDS");

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
		if (p.route() == Route.IV
				&& (p.infusionMinutes() == null || p.infusionMinutes() < 5 || p.infusionMinutes() > 240)) {
			problems.add(new FieldProblem("infusionMinutes", "IV protocols need an infusion time of 5–240 minutes"));
		}
		positive(problems, "weightValidityDays", p.weightValidityDays(), 0, 365);
		positive(problems, "minorWeightValidityDays", p.minorWeightValidityDays(), 0, 365);
		if (p.checklist() == null || !CHECKLIST_ITEMS.containsAll(p.checklist())) {
			problems.add(new FieldProblem("checklist", "item codes from " + CHECKLIST_ITEMS));
		}
		if (p.hold() == null || p.alerts() == null || p.vitals() == null) {
			problems.add(new FieldProblem("hold", "hold, alerts and vitals thresholds are required"));
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
	}

	private static void devices(Protocol p, List<FieldProblem> problems) {
		if (p.doseUnit() != DoseUnit.MG || p.deviceMg() == null || p.deviceMg() != 28) {
			problems.add(new FieldProblem("deviceMg", "esketamine is dosed in mg, 28 mg per device"));
		}
		if (p.minutesBetweenDevices() == null || p.minutesBetweenDevices() < 5) {
			problems.add(new FieldProblem("minutesBetweenDevices", "at least the labelled 5-minute rest"));
		}
		if (p.allowedDosesMg() == null || p.allowedDosesMg().isEmpty()
				|| p.allowedDosesMg().stream().anyMatch((d) -> d == null || d <= 0 || d % 28 != 0 || d > 84)) {
			problems.add(new FieldProblem("allowedDosesMg", "multiples of 28 mg up to 84 mg"));
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
