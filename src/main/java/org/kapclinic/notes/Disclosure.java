package org.kapclinic.notes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One entry of the accounting of disclosures (45 CFR 164.528): what was sent, to whom,
 * when, by whom, under which consent, and where the exact PDF sent can be fetched.
 */
record Disclosure(UUID id, UUID patientId, UUID providerId, String providerName, List<String> content, UUID consentId,
		Instant disclosedAt, UUID disclosedBy, String disclosedByName, String pdfSha256, String pdf) {
}
