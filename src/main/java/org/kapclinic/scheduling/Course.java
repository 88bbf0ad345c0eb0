package org.kapclinic.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A template instantiated for a patient.
 *
 * @param plan the sessions planned, adjusted over time (each change kept with its reason)
 */
public record Course(UUID id, UUID patientId, String templateCode, String templateVersion, String program,
		UUID prescriberId, UUID therapistId, String outsideTherapist, String goals, String status, String statusReason,
		List<PlannedStep> plan, Instant createdAt, int version) {

	public boolean bookable() {
		return "PLANNED".equals(this.status) || "ACTIVE".equals(this.status);
	}

	public record PlannedStep(String type, int count, int durationMinutes, List<String> roles, List<String> needs,
			String phase) {
	}

	/** Planned against booked and done, per appointment type. */
	public record Progress(String type, int planned, int booked, int completed) {
	}

}
