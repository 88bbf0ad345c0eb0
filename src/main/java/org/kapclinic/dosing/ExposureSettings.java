package org.kapclinic.dosing;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a patient's cumulative exposure asks the prescriber to stop and think
 * ({@code kap.safety.exposure.*}, issue 19). Both are clinic policy: no published ceiling
 * on cumulative ketamine exposure exists, and the risks the labels name with chronic use
 * (ulcerative cystitis, hepatobiliary injury; clinical.md, long-term safety) grow with
 * it.
 *
 * @param cautionSessions a caution above this many dosing sessions in the last 30 days
 * (8: the most intensive labelled schedule, esketamine's induction, is twice weekly for
 * four weeks, 8 sessions in 28 days — Spravato prescribing information, clinical.md §2.2)
 * @param cautionMgPerKg a caution above this much racemic ketamine, in mg per kg of the
 * weight at each session, in the last 90 days (6.0: twice a six-infusion series at 0.5
 * mg/kg; clinic policy, no published figure)
 */
@ConfigurationProperties("kap.safety.exposure")
record ExposureSettings(Integer cautionSessions, BigDecimal cautionMgPerKg) {

	ExposureSettings {
		cautionSessions = (cautionSessions == null) ? 8 : cautionSessions;
		cautionMgPerKg = (cautionMgPerKg == null) ? new BigDecimal("6.0") : cautionMgPerKg;
	}

}
