package org.kapclinic.billing;

import java.math.BigDecimal;
import java.util.List;

/**
 * The lines a clinic's first fee schedule starts from, priced at zero: the administrator
 * enters the clinic's prices on the setup page. Which code bills what follows the issue's
 * list (e.g. G2082/G2083 by the 56 mg band, 96365/96366 by infusion time, J3490 for the
 * ketamine drug line, 0820T for in-person monitoring of a KAP session per hour). The
 * esketamine lines suit commercial payers (visit plus J0013 by the mg); for Medicare,
 * whose G2082/G2083 include the drug, the clinic drops the J0013 line (CGS, 2023).
 */
final class StarterFees {

	private StarterFees() {
	}

	static List<FeeLine> lines() {
		return List.of(
				line("CPT", "90791", "Psychiatric evaluation at intake", UnitsRule.PER_SERVICE, "APPOINTMENT:INTAKE"),
				line("CPT", "99204", "Consultation, new patient", UnitsRule.PER_SERVICE, "APPOINTMENT:CONSULTATION"),
				line("CPT", "90837", "Psychotherapy, about an hour", UnitsRule.PER_SERVICE, "APPOINTMENT:PREPARATION",
						"APPOINTMENT:INTEGRATION"),
				line("CPT", "99214", "Follow-up visit", UnitsRule.PER_SERVICE, "APPOINTMENT:FOLLOW_UP"),
				line("CPT", "96365", "IV infusion, first hour", UnitsRule.INFUSION_FIRST_HOUR, "DOSING:IV"),
				line("CPT", "96366", "IV infusion, each additional hour", UnitsRule.INFUSION_ADDITIONAL_HOUR,
						"DOSING:IV"),
				line("HCPCS", "J3490", "Ketamine (drug)", UnitsRule.PER_SERVICE, "DOSING:IV", "DOSING:IM", "DOSING:SL"),
				line("CPT", "96372", "Intramuscular injection", UnitsRule.PER_SERVICE, "DOSING:IM"),
				line("CPT", "0820T", "In-person monitoring during the session, per hour", UnitsRule.PER_HOUR_MONITORED,
						"DOSING:IM", "DOSING:SL"),
				new FeeLine("HCPCS", "G2082", List.of(), "Esketamine visit, up to 56 mg, 2 hours observed", 0,
						UnitsRule.PER_SERVICE, List.of("DOSING:IN"), null, new BigDecimal("56")),
				new FeeLine("HCPCS", "G2083", List.of(), "Esketamine visit, over 56 mg, 2 hours observed", 0,
						UnitsRule.PER_SERVICE, List.of("DOSING:IN"), new BigDecimal("56"), null),
				line("HCPCS", "J0013", "Esketamine nasal spray, per mg", UnitsRule.PER_MG, "DOSING:IN"));
	}

	private static FeeLine line(String system, String code, String description, UnitsRule rule, String... services) {
		return new FeeLine(system, code, List.of(), description, 0, rule, List.of(services), null, null);
	}

}
