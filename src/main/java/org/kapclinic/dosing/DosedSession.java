package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One session of a course in which drug was given, as reports read it: when, how, how
 * much, and whether it was held or raised alerts.
 *
 * @param doseMgPerKg null for esketamine (a fixed dose)
 */
public record DosedSession(UUID patientId, UUID courseId, String program, Route route, Instant firstDoseAt,
		BigDecimal doseMg, BigDecimal doseMgPerKg, boolean held, int alerts) {
}
