package org.kapclinic.notes;

import java.time.Instant;
import java.util.UUID;

/**
 * A therapist or clinician outside the clinic (the adjunctive model) who may receive a
 * disclosure.
 *
 * @param secureContact how to reach them securely (Direct address, secure fax, portal)
 */
record OutsideProvider(UUID id, String name, String credentials, String practice, String secureContact,
		Instant createdAt) {
}
