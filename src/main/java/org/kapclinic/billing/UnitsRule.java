package org.kapclinic.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How many units of a fee line one service bills. The infusion rules: the initial hour is
 * reported for an infusion of more than 15 minutes (Palmetto GBA article A53778, a
 * Medicare contractor), and each additional hour once the time beyond the last full hour
 * is more than 30 minutes (the "30-minute rule", from CMS's 2006 OPPS instruction as the
 * coding press restates it: a secondary source, see billing/service-codes.json). Per-hour
 * monitoring codes follow CPT's midpoint rule (a unit of time is attained when the
 * midpoint is passed).
 */
public enum UnitsRule {

	PER_SERVICE("Once per visit"), INFUSION_FIRST_HOUR("First hour of infusion (over 15 minutes)"),
	INFUSION_ADDITIONAL_HOUR("Each additional hour of infusion (over 30 minutes counts)"),
	PER_MG("Per mg of drug given"), PER_HOUR_MONITORED("Per hour monitored (over 30 minutes counts)");

	private final String label;

	UnitsRule(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** The units a service bills; 0 when the line does not apply to it. */
	public int units(BigDecimal doseMg, long infusionMinutes, long monitoredMinutes) {
		return switch (this) {
			case PER_SERVICE -> 1;
			case INFUSION_FIRST_HOUR -> (infusionMinutes > 15) ? 1 : 0;
			case INFUSION_ADDITIONAL_HOUR -> additionalHours(infusionMinutes);
			// Drug codes bill whole units: a part of a milligram is a unit (the HCPCS
			// unit convention).
			case PER_MG -> (doseMg == null) ? 0 : doseMg.setScale(0, RoundingMode.CEILING).intValueExact();
			// CPT's time rule for per-hour codes (e.g. 0820T): a unit is reached once the
			// midpoint is passed, so 31–90 minutes are one hour, 91–150 two.
			case PER_HOUR_MONITORED -> (int) ((monitoredMinutes + 29) / 60);
		};
	}

	/** 61–90 minutes: 0; 91–150: 1; 151–210: 2; … */
	static int additionalHours(long infusionMinutes) {
		long beyondFirst = infusionMinutes - 60;
		return (beyondFirst <= 30) ? 0 : (int) ((beyondFirst - 31) / 60 + 1);
	}

}
