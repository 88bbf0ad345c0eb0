package org.kapclinic.notes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A clinical note as its reader may see it.
 *
 * @param body the template's fields by key, stored exactly as written
 * @param writtenAt when the note was first written; with {@code noteDate} earlier than
 * that day (clinic time), {@code lateEntry} is true
 * @param status DRAFT (editable by its author), SIGNED (awaiting a co-signature) or
 * LOCKED; after signing only addenda are added
 * @param privateProcessNote a psychotherapy note in the HIPAA sense, visible to its
 * author only
 * @param timeline the dosing session's in-session timeline (DOSING_SESSION notes)
 */
public record Note(UUID id, UUID patientId, NoteType type, int templateVersion, Map<String, String> body,
		LocalDate noteDate, Instant writtenAt, boolean lateEntry, boolean privateProcessNote, UUID authorId,
		String authorName, NoteStatus status, int version, Instant updatedAt, Instant signedAt, String contentHash,
		UUID cosignerId, Instant cosignedAt, Instant voidedAt, UUID voidedBy, String voidReason, UUID dosingSessionId,
		UUID groupId, List<Addendum> addenda, List<SessionTimeline.Entry> timeline) {

	public boolean draft() {
		return this.status == NoteStatus.DRAFT;
	}

	public boolean awaitingCosignature() {
		return this.status == NoteStatus.SIGNED;
	}

	public boolean voided() {
		return this.voidedAt != null;
	}

	/** A signed addendum to a signed note. */
	public record Addendum(UUID id, String body, UUID authorId, String authorName, Instant signedAt,
			String contentHash) {
	}

	/** The status in words. */
	public String statusLabel() {
		return this.status.label();
	}

}
