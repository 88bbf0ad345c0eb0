package org.kapclinic.intake.consultation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A consultation request as staff see it in the triage queue. */
public record ConsultationRequest(UUID id, String givenName, String familyName, LocalDate birthDate, String email,
		String phone, List<Concern> concerns, String otherConcern, String preferredContactTimes, String message,
		ConsultationStatus status, String statusReason, UUID patientId, Instant receivedAt) {
}
