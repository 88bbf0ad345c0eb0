package org.kapclinic.notes;

import java.time.Instant;
import java.util.UUID;

/**
 * What a patient wrote through a journal link: an INTENTION before a session or a
 * REFLECTION after one. {@code submittedAt} is null while it is a draft.
 */
public record JournalEntry(UUID id, UUID patientId, String kind, String text, Instant createdAt, Instant submittedAt) {

	public boolean submitted() {
		return this.submittedAt != null;
	}

}
