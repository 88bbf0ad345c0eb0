package org.kapclinic.portal;

import java.time.Instant;
import java.util.UUID;

/**
 * A message between a patient and their care team.
 *
 * @param fromPatient true when the patient wrote it; false for the care team's reply
 * @param author who wrote it, in words ("Patient", "Care team: Dr. Quill")
 * @param sent when, in the clinic's time, in words ("5 Dec 2026, 10:42")
 */
public record PortalMessage(UUID id, UUID patientId, boolean fromPatient, String body, Instant sentAt, String author,
		String sent) {
}
