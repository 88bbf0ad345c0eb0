package org.kapclinic.billing;

import java.math.BigDecimal;
import java.util.List;

/**
 * One priced service of a fee schedule.
 *
 * @param codeSystem CPT or HCPCS
 * @param modifiers two-character modifiers printed beside the code (may be empty)
 * @param description the clinic's own short words: the AMA's CPT descriptors are licensed
 * and never shipped
 * @param priceMinor the price of one unit in minor units of the schedule's currency
 * @param appliesTo what the line bills: {@code DOSING:IV}, {@code DOSING:IM},
 * {@code DOSING:SL}, {@code DOSING:IN} (a discharged dosing session by route) or
 * {@code APPOINTMENT:INTAKE}, {@code APPOINTMENT:INTEGRATION}, … (a completed appointment
 * by type)
 * @param overMg with {@code upToMg}, the dose band the line applies to (more than
 * {@code overMg}, at most {@code upToMg}; either may be absent): esketamine's G2082 is up
 * to 56 mg, G2083 over 56 mg
 */
public record FeeLine(String codeSystem, String code, List<String> modifiers, String description, long priceMinor,
		UnitsRule unitsRule, List<String> appliesTo, BigDecimal overMg, BigDecimal upToMg) {

	public FeeLine {
		modifiers = (modifiers == null) ? List.of() : List.copyOf(modifiers);
		appliesTo = (appliesTo == null) ? List.of() : List.copyOf(appliesTo);
	}

	/** What the line bills, in words: "Intranasal spray session, Intake". */
	public String appliesToLabel() {
		return this.appliesTo.stream().map(FeeLine::serviceLabel).collect(java.util.stream.Collectors.joining(", "))
				+ ((this.overMg != null) ? ", over " + this.overMg.stripTrailingZeros().toPlainString() + " mg" : "")
				+ ((this.upToMg != null) ? ", up to " + this.upToMg.stripTrailingZeros().toPlainString() + " mg" : "");
	}

	/** The price as typed on the setup page ("450.00"): cents shown as two decimals. */
	public String priceInput() {
		return BigDecimal.valueOf(this.priceMinor, 2).toPlainString();
	}

	static String serviceLabel(String service) {
		String[] parts = service.split(":", 2);
		if (parts.length == 2 && "DOSING".equals(parts[0])) {
			try {
				return org.kapclinic.dosing.Route.valueOf(parts[1]).label() + " session";
			}
			catch (IllegalArgumentException ex) {
				return service;
			}
		}
		return (parts.length == 2) ? org.kapclinic.scheduling.AppointmentType.labelOf(parts[1]) : service;
	}

	/** Whether a dose falls in the line's band (no band: every dose). */
	boolean inBand(BigDecimal doseMg) {
		if (this.overMg != null && (doseMg == null || doseMg.compareTo(this.overMg) <= 0)) {
			return false;
		}
		return this.upToMg == null || (doseMg != null && doseMg.compareTo(this.upToMg) <= 0);
	}

	/** The units this line bills for a service, 0 when it does not apply. */
	int unitsFor(String service, BigDecimal doseMg, long infusionMinutes, long monitoredMinutes) {
		if (!this.appliesTo.contains(service) || !inBand(doseMg)) {
			return 0;
		}
		return this.unitsRule.units(doseMg, infusionMinutes, monitoredMinutes);
	}

}
