package org.kapclinic.intake.consultation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A consultation request as staff see it in the triage queue.
 *
 * @param safetyFlag the request names suicidal thoughts (ticked, or in what they wrote):
 * it comes first in the queue and is contacted the same day
 */
record ConsultationRequest(UUID id, String givenName, String familyName, LocalDate birthDate, String email,
		String phone, List<Concern> concerns, String otherConcern, String preferredContactTimes, String message,
		ConsultationStatus status, String statusReason, UUID patientId, Instant receivedAt, boolean safetyFlag) {

	/** Why the request is flagged, in words (null when it is not). */
	public String safetyFlagReason() {
		if (!this.safetyFlag) {
			return null;
		}
		return this.concerns.stream().anyMatch(Concern::risk) ? "Suicidal thoughts ticked as a concern"
				: "Mentions suicide or self-harm in what they wrote";
	}

}
