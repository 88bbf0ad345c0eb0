package org.kapclinic.notes;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * What a clinician writes to start a note.
 *
 * @param dosingSessionId the dosing session a DOSING_SESSION note documents (a plain id:
 * the dosing module owns sessions)
 */
record NewNote(NoteType type, Map<String, String> body, LocalDate noteDate, boolean privateProcessNote,
		UUID dosingSessionId) {
}
