package org.kapclinic.notes;

import java.time.Instant;
import java.util.UUID;

/** A note was signed (its content hash fixed); published for later modules. */
public record NoteSigned(UUID noteId, UUID patientId, NoteType type, UUID signedBy, Instant signedAt,
		String contentHash) {
}
