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
	static ComputedDose compute(Protocol protocol, BigDecimal weightKg, BigDecimal doseMgPerKg, BigDecimal doseMg,
			String overrideReason, BigDecimal alreadyMg) {
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
		if (protocol.esketamine() && !protocol.allowedDosesMg().contains(mg.intValue()) && alreadyMg.signum() == 0) {
			reasons.add("DOSE_NOT_ALLOWED: esketamine is given as " + protocol.allowedDosesMg() + " mg ("
					+ protocol.deviceMg() + " mg per device)");
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
		boolean aboveSoft = total.compareTo(protocol.softMaximum()) > 0;
		if (aboveSoft && reasons.isEmpty() && (overrideReason == null || overrideReason.isBlank())) {
			reasons.add("SOFT_MAXIMUM_REASON_REQUIRED: " + total.toPlainString() + " " + unit + included
					+ " is above the soft maximum of " + protocol.softMaximum().toPlainString() + " " + unit
					+ "; a prescriber must give an override reason");
		}
		if (!reasons.isEmpty()) {
			throw new RuleViolationException("The dose is refused", reasons);
		}
		Integer minutes = protocol.infusion() ? protocol.infusionMinutes() : null;
		BigDecimal rate = (minutes != null)
				? mg.multiply(SIXTY).divide(BigDecimal.valueOf(minutes), 1, RoundingMode.HALF_UP) : null;
		BigDecimal ratePerKg = (minutes != null)
				? mgPerKg.multiply(SIXTY).divide(BigDecimal.valueOf(minutes), 3, RoundingMode.HALF_UP) : null;
		return new ComputedDose(mg, mgPerKg, weightKg, minutes, rate, ratePerKg, aboveSoft);
	}

	/** A total in the protocol's unit: mg/kg for weight-based protocols, else mg. */
	static BigDecimal inUnit(Protocol protocol, BigDecimal mg, BigDecimal weightKg) {
		return (protocol.doseUnit() == DoseUnit.MG_PER_KG) ? mg.divide(weightKg, 3, RoundingMode.HALF_UP) : mg;
	}

	/**
	 * A computed dose, both ways, with the IV infusion rate.
	 *
	 * @param aboveSoftMaximum the dose needed (and has) an override reason
	 */
	record ComputedDose(BigDecimal doseMg, BigDecimal doseMgPerKg, BigDecimal weightKg, Integer infusionMinutes,
			BigDecimal rateMgPerHour, BigDecimal rateMgPerKgPerHour, boolean aboveSoftMaximum) {
	}

}
