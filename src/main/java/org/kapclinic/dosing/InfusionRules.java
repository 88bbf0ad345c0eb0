package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.RuleViolationException;

/**
 * The IV infusion rate: a protocol's shortest infusion and highest rate, and the check
 * every order and rate change passes (issue 13; rate cap 1.5 mg/kg/h = 1.0 mg/kg over 40
 * min, Fava 2020, clinical.md §9).
 */
final class InfusionRules {

	private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

	private InfusionRules() {
	}

	static void problems(Protocol p, List<FieldProblem> problems) {
		Integer min = p.minInfusionMinutes();
		if (min == null || min < ProtocolRules.ABSOLUTE_MIN_INFUSION_MINUTES) {
			problems.add(new FieldProblem("minInfusionMinutes", "IV protocols need a shortest infusion of at least "
					+ ProtocolRules.ABSOLUTE_MIN_INFUSION_MINUTES + " minutes"));
		}
		if (p.infusionMinutes() == null || p.infusionMinutes() > 240
				|| p.infusionMinutes() < ((min != null) ? Math.max(min, ProtocolRules.ABSOLUTE_MIN_INFUSION_MINUTES)
						: ProtocolRules.ABSOLUTE_MIN_INFUSION_MINUTES)) {
			problems.add(new FieldProblem("infusionMinutes",
					"from minInfusionMinutes (at least " + ProtocolRules.ABSOLUTE_MIN_INFUSION_MINUTES + ") to 240"));
		}
		BigDecimal rate = p.maxRateMgPerKgPerHour();
		if (rate == null || rate.signum() <= 0 || rate.compareTo(ProtocolRules.ABSOLUTE_MAX_RATE) > 0) {
			problems.add(new FieldProblem("maxRateMgPerKgPerHour", "required, positive, at most "
					+ ProtocolRules.ABSOLUTE_MAX_RATE.toPlainString() + " mg/kg/h (Fava 2020)"));
		}
		else if (p.hardMaximum() != null && p.infusionMinutes() != null && p.infusionMinutes() > 0
				&& perHour(p.hardMaximum(), p.infusionMinutes()).compareTo(rate) > 0) {
			problems.add(new FieldProblem("infusionMinutes", "the hard maximum over this time runs faster than "
					+ rate.toPlainString() + " mg/kg/h; lengthen the infusion or lower the hard maximum"));
		}
	}

	/** A dose in mg/kg given over {@code minutes}, as mg/kg/h. */
	static BigDecimal perHour(BigDecimal mgPerKg, int minutes) {
		return mgPerKg.multiply(SIXTY).divide(BigDecimal.valueOf(minutes), 3, RoundingMode.HALF_UP);
	}

	/**
	 * Refuses a rate above the protocol's cap (422 {@code ABOVE_MAX_RATE}); compared
	 * exactly as mg/h against cap × weight, so the cap itself is accepted.
	 */
	static void requireWithinCap(Protocol protocol, BigDecimal rateMgPerHour, BigDecimal weightKg) {
		BigDecimal cap = protocol.maxRate();
		if (rateMgPerHour.compareTo(cap.multiply(weightKg)) > 0) {
			BigDecimal perKg = rateMgPerHour.divide(weightKg, 3, RoundingMode.HALF_UP);
			throw new RuleViolationException("The infusion rate is refused",
					List.of("ABOVE_MAX_RATE: " + rateMgPerHour.toPlainString() + " mg/h is "
							+ perKg.stripTrailingZeros().toPlainString() + " mg/kg/h, above the protocol's maximum of "
							+ cap.toPlainString() + " mg/kg/h ("
							+ cap.multiply(weightKg).setScale(1, RoundingMode.DOWN).toPlainString() + " mg/h at "
							+ weightKg.toPlainString() + " kg)"));
		}
	}

}
