package org.kapclinic.notes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How a dosing-session therapist note pulls the in-session timeline (vitals, doses,
 * events, the therapist's in-session notes): {@link NotesConfiguration} adapts
 * {@code dosing.SessionReads.timeline(session)}; tests may supply their own.
 */
interface SessionTimeline {

	/**
	 * The session's entries in time order; empty when the session is unknown or is not
	 * this patient's (a note never shows another patient's session).
	 */
	List<Entry> entries(UUID patientId, UUID dosingSessionId);

	/**
	 * One line of the in-session timeline.
	 *
	 * @param kind the dosing module's code (VITALS, ADMINISTRATION, …)
	 * @param label the kind in words, what the note shows
	 */
	record Entry(Instant at, String kind, String label, String text) {
	}

}
