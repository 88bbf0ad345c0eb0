package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The dosing session aggregate's header: who, which appointment and protocol version, the
 * weight the dose is computed from, the checklist, hold, and the state.
 *
 * @param lastDoseAt the end of the last dose (infusion stop, last device, last additional
 * dose): the minimum observation runs from here
 * @param readyAt when the patient met the discharge criteria (the REMS form asks when
 * they would have been ready to leave without the 2-hour rule)
 * @param courseId the course of the session's appointment, if any
 * @param ceilingHeldAt set while the session is held by a pre-dose reading at or above
 * the absolute ceiling: the time of that reading
 */
public record DosingSession(UUID id, UUID patientId, UUID appointmentId, UUID roomId, String protocol,
		int protocolVersion, String program, Route route, SessionState state, BigDecimal weightKg,
		Instant weightMeasuredAt, Map<String, Boolean> checklist, boolean checklistComplete, List<String> concomitant,
		boolean held, String holdReason, String holdOverrideReason, Instant firstDoseAt, Instant lastDoseAt,
		Instant readyAt, Instant closedAt, String closeReason, Instant checkedInAt, UUID checkedInBy, int version,
		UUID courseId, Instant ceilingHeldAt) {

	/**
	 * Held by a reading at or above the ceiling: only a co-signed override releases it.
	 */
	public boolean heldAtCeiling() {
		return this.held && this.ceilingHeldAt != null;
	}

}
