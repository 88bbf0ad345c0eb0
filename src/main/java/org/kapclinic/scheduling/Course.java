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
		UUID prescriberId, UUID therapistId, String outsideTherapist, String goals, CourseStatus status,
		String statusReason, List<PlannedStep> plan, Instant createdAt, int version) {

	/** Sessions may still be booked on it. */
	public boolean bookable() {
		return this.status.bookable();
	}

	public record PlannedStep(String type, int count, int durationMinutes, List<String> roles, List<String> needs,
			String phase) {
	}

	/** Planned against booked and done, per appointment type. */
	public record Progress(String type, int planned, int booked, int completed) {
	}

}
