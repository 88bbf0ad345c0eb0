package org.kapclinic.dosing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One active session on the floor board.
 *
 * @param latestFlags which values of the latest vitals cross an alert threshold
 * (SYSTOLIC_HIGH, SPO2_LOW, ...), for colour
 * @param assigned who is responsible for the chair: the dosing appointment's staff
 */
record BoardRow(UUID sessionId, UUID patientId, String mrn, String patientName, String chair, String protocol,
		Route route, SessionState state, boolean held, Long minutesSinceDose, Instant nextVitalsAt,
		String nextVitalsKind, boolean vitalsOverdue, Vitals latest, List<String> latestFlags, List<Alert> openAlerts,
		long remainingObservationMinutes, List<String> assigned) {

	/**
	 * Most urgent first: an open alert, then overdue vitals, then a hold, then the next
	 * vitals check soonest (issue 14: the floor is a shared safety view).
	 */
	static final java.util.Comparator<BoardRow> URGENCY = java.util.Comparator
		.comparing((BoardRow r) -> r.openAlerts().isEmpty())
		.thenComparing((BoardRow r) -> !r.vitalsOverdue())
		.thenComparing((BoardRow r) -> !r.held())
		.thenComparing(BoardRow::nextVitalsAt, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));

	public boolean flagged(String code) {
		return this.latestFlags.contains(code);
	}

}
