package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.RuleViolationException;

/**
 * Turns a prescriber's dose into mg and mg/kg from the session's weight and checks it
 * against the protocol's ceilings. The hard maximum counts everything given in the
 * session (the order plus additional doses) and has no override; above the soft maximum a
 * written reason is required (issue 6; clinical.md 1.1 upper bounds).
 */
final class DoseCalculator {

	private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

	private DoseCalculator() {
	}

	/**
	 * @param alreadyMg mg already ordered or given in this session that the new dose adds
	 * to (0 for the first order)
	 */
	static ComputedDose compute(Protocol protocol, Dosee patient, BigDecimal doseMgPerKg, BigDecimal doseMg,
			String overrideReason, BigDecimal alreadyMg) {
		BigDecimal weightKg = patient.weightKg();
		if ((doseMgPerKg == null) == (doseMg == null)) {
			throw InvalidInputException.of("doseMgPerKg", "give either doseMgPerKg or doseMg");
		}
		BigDecimal requested = (doseMgPerKg != null) ? doseMgPerKg : doseMg;
		if (requested.signum() <= 0 || requested.scale() > 3) {
			throw InvalidInputException.of((doseMgPerKg != null) ? "doseMgPerKg" : "doseMg",
					"a positive dose with at most 3 decimals");
		}
		BigDecimal mg = (doseMg != null) ? doseMg.setScale(1, RoundingMode.HALF_UP)
				: doseMgPerKg.multiply(weightKg).setScale(1, RoundingMode.HALF_UP);
		BigDecimal mgPerKg = (doseMgPerKg != null) ? doseMgPerKg.setScale(3, RoundingMode.HALF_UP)
				: mg.divide(weightKg, 3, RoundingMode.HALF_UP);
		List<String> reasons = new ArrayList<>();
		boolean noReason = overrideReason == null || overrideReason.isBlank();
		if (protocol.esketamine() && alreadyMg.signum() == 0) {
			esketamine(protocol, patient, requested, noReason, reasons);
		}
		BigDecimal total = inUnit(protocol, mg.add(alreadyMg), weightKg);
		String unit = ProtocolRules.unit(protocol.doseUnit());
		String included = (alreadyMg.signum() > 0)
				? " (with the " + alreadyMg.toPlainString() + " mg already in this session)" : "";
		if (total.compareTo(protocol.hardMaximum()) > 0) {
			reasons.add("ABOVE_HARD_MAXIMUM: " + total.toPlainString() + " " + unit + included
					+ " exceeds the protocol's hard maximum of " + protocol.hardMaximum().toPlainString() + " " + unit
					+ "; no override is possible");
		}
		// Fixed-mg protocols also have a weight-based ceiling, so the mg ceiling is never
		// given to a small patient (issue 13).
		BigDecimal totalMgPerKg = mg.add(alreadyMg).divide(weightKg, 3, RoundingMode.HALF_UP);
		if (protocol.doseUnit() == DoseUnit.MG && protocol.hardMaximumMgPerKg() != null
				&& mg.add(alreadyMg).compareTo(protocol.hardMaximumMgPerKg().multiply(weightKg)) > 0) {
			reasons.add("ABOVE_HARD_MAXIMUM: " + totalMgPerKg.toPlainString() + " mg/kg" + included + " at "
					+ weightKg.toPlainString() + " kg exceeds the protocol's hard maximum of "
					+ protocol.hardMaximumMgPerKg().toPlainString() + " mg/kg ("
					+ protocol.hardMaximumMgPerKg().multiply(weightKg).setScale(0, RoundingMode.DOWN).toPlainString()
					+ " mg for this patient); no override is possible");
		}
		boolean aboveSoft = total.compareTo(protocol.softMaximum()) > 0;
		if (aboveSoft && reasons.isEmpty() && noReason) {
			reasons.add("SOFT_MAXIMUM_REASON_REQUIRED: " + total.toPlainString() + " " + unit + included
					+ " is above the soft maximum of " + protocol.softMaximum().toPlainString() + " " + unit
					+ "; a prescriber must give an override reason");
		}
		Integer minutes = protocol.infusion() ? protocol.infusionMinutes() : null;
		BigDecimal rate = (minutes != null)
				? mg.multiply(SIXTY).divide(BigDecimal.valueOf(minutes), 1, RoundingMode.HALF_UP) : null;
		BigDecimal ratePerKg = (minutes != null)
				? mgPerKg.multiply(SIXTY).divide(BigDecimal.valueOf(minutes), 3, RoundingMode.HALF_UP) : null;
		if (rate != null && reasons.isEmpty()) {
			try {
				InfusionRules.requireWithinCap(protocol, rate, weightKg);
			}
			catch (RuleViolationException ex) {
				reasons.addAll(ex.reasons());
			}
		}
		if (!reasons.isEmpty()) {
			throw new RuleViolationException("The dose is refused", reasons);
		}
		boolean reasoned = aboveSoft || (protocol.esketamine() && patient.firstOfCourse() && alreadyMg.signum() == 0
				&& protocol.firstDoseMg() != null && mg.compareTo(BigDecimal.valueOf(protocol.firstDoseMg())) != 0);
		return new ComputedDose(mg, mgPerKg, weightKg, minutes, rate, ratePerKg, reasoned);
	}

	/**
	 * Esketamine doses are exact (56 or 84 mg; 28 mg only from 65 where the protocol
	 * enables it; Spravato PI, clinical.md 1.2), and the first session of a course is the
	 * label's induction day-1 dose unless a reason is written.
	 */
	private static void esketamine(Protocol protocol, Dosee patient, BigDecimal requested, boolean noReason,
			List<String> reasons) {
		List<Integer> allowed = protocol.allowedDosesMg(patient.ageYears());
		BigDecimal exact = requested.stripTrailingZeros();
		if (exact.scale() > 0 || !allowed.contains(exact.intValue())) {
			reasons.add("DOSE_NOT_ALLOWED: esketamine is given as exactly " + allowed + " mg (" + protocol.deviceMg()
					+ " mg per device)"
					+ ((protocol.dosesFromAge65Mg() != null && !protocol.dosesFromAge65Mg().isEmpty()
							&& patient.ageYears() < 65) ? "; " + protocol.dosesFromAge65Mg() + " mg only from 65"
									: ""));
		}
		else if (patient.firstOfCourse() && protocol.firstDoseMg() != null && exact.intValue() != protocol.firstDoseMg()
				&& noReason) {
			reasons
				.add("FIRST_DOSE_REASON_REQUIRED: the first esketamine session of a course is " + protocol.firstDoseMg()
						+ " mg (Spravato PI, induction day 1); give a written reason for another dose");
		}
	}

	/**
	 * Who the dose is for: the weight it is computed from, the age in whole years, and
	 * whether this is the first esketamine session of the course.
	 */
	record Dosee(BigDecimal weightKg, int ageYears, boolean firstOfCourse) {
	}

	/** A total in the protocol's unit: mg/kg for weight-based protocols, else mg. */
	static BigDecimal inUnit(Protocol protocol, BigDecimal mg, BigDecimal weightKg) {
		return (protocol.doseUnit() == DoseUnit.MG_PER_KG) ? mg.divide(weightKg, 3, RoundingMode.HALF_UP) : mg;
	}

	/**
	 * A computed dose, both ways, with the IV infusion rate.
	 *
	 * @param overridden the dose needed (and has) a written reason: above the soft
	 * maximum, or another than the esketamine induction day-1 dose
	 */
	record ComputedDose(BigDecimal doseMg, BigDecimal doseMgPerKg, BigDecimal weightKg, Integer infusionMinutes,
			BigDecimal rateMgPerHour, BigDecimal rateMgPerKgPerHour, boolean overridden) {
	}

}
