package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What the outcomes report needs of one course's dosing: its program and (most used)
 * route, first and last dose, how many sessions gave drug, the mean ordered dose per kg,
 * and the safety events of those sessions.
 *
 * @param mgPerKg null for esketamine courses (a fixed dose, not by weight)
 * @param heldSessions sessions a pre-dose reading held (issue 13)
 * @param adverseEvents side effects and adverse events recorded in the sessions (not
 * voided), counted by {@code EFFECT|SEVERITY} codes
 * @param alerts monitoring alerts raised in the sessions (blood pressure, SpO2, heart
 * rate)
 * @param unmonitoredSessions sessions that gave drug with no vital signs recorded after
 * the dose (the report's "no session without monitoring" check; should be 0)
 */
public record DosedCourse(UUID courseId, String program, Route route, Instant firstDoseAt, Instant lastDoseAt,
		int sessions, BigDecimal mgPerKg, int heldSessions, int alerts, java.util.Map<String, Integer> adverseEvents,
		int unmonitoredSessions) {
}
