package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Published when a patient is discharged: what was given and when, for measures (the
 * dose-anchored 24 h / 7 day schedule is started directly by dosing), notes and
 * analytics.
 */
public record SessionDischarged(UUID sessionId, UUID patientId, String program, Route route, String protocol,
		BigDecimal totalDoseMg, BigDecimal totalMgPerKg, Instant firstDoseAt, Instant lastDoseAt,
		Instant dischargedAt) {
}
