package org.kapclinic.notes;

import java.time.Instant;
import java.util.UUID;

/**
 * What a patient wrote through a journal link: an INTENTION before a session or a
 * REFLECTION after one. {@code submittedAt} is null while it is a draft.
 */
record JournalEntry(UUID id, UUID patientId, String kind, String text, Instant createdAt, Instant submittedAt) {

	/** Written before a session (the other kind is a reflection after one). */
	public boolean intention() {
		return "INTENTION".equals(this.kind);
	}

	/** What the patient and the chart read. */
	public String kindLabel() {
		return intention() ? "Intention" : "Reflection";
	}

	public boolean submitted() {
		return this.submittedAt != null;
	}

}
