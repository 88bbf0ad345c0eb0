package org.kapclinic.dosing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One active session on the floor board.
 *
 * @param latestFlags which values of the latest vitals cross an alert threshold
 * (SYSTOLIC_HIGH, SPO2_LOW, ...), for colour
 */
public record BoardRow(UUID sessionId, UUID patientId, String mrn, String patientName, String chair, String protocol,
		Route route, SessionState state, boolean held, Long minutesSinceDose, Instant nextVitalsAt,
		String nextVitalsKind, boolean vitalsOverdue, Vitals latest, List<String> latestFlags, List<Alert> openAlerts,
		long remainingObservationMinutes) {

	public boolean flagged(String code) {
		return this.latestFlags.contains(code);
	}

}
