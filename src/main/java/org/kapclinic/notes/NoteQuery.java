package org.kapclinic.notes;

import java.time.LocalDate;
import java.util.UUID;

/** A search within one patient's notes; every criterion optional. */
record NoteQuery(NoteType type, String text, LocalDate from, LocalDate to, UUID authorId, int limit) {

	public static NoteQuery all() {
		return new NoteQuery(null, null, null, null, null, 200);
	}

}
