package org.kapclinic.notes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A summary was disclosed to an outside provider under a release of information. */
public record DisclosureMade(UUID disclosureId, UUID patientId, UUID providerId, List<String> content, UUID consentId,
		Instant disclosedAt) {
}
