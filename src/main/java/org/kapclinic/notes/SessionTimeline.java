package org.kapclinic.notes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The seam through which a dosing-session therapist note pulls the in-session timeline
 * (vitals, doses, events). The dosing module is built separately: until it declares a
 * bean of this type (e.g. an adapter over {@code DosingSessions.timeline(session)}),
 * {@link NotesConfiguration} supplies one that returns nothing, and the note shows only
 * the stored {@code dosingSessionId}.
 */
public interface SessionTimeline {

	/** The session's entries in time order; empty when the session is unknown. */
	List<Entry> entries(UUID dosingSessionId);

	/** One line of the in-session timeline. */
	record Entry(Instant at, String kind, String text) {
	}

}
