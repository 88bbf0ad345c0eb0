package org.kapclinic.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * An active release of information that covers a disclosure: which signature, when it was
 * signed, until when it holds, and every content category it allows.
 */
public record ReleaseCoverage(UUID consentId, int documentVersion, Instant signedAt, LocalDate expiresOn,
		Set<String> content) {
}
