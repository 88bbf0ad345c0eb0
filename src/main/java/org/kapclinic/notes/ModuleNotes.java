package org.kapclinic.notes;

import java.util.Map;
import java.util.UUID;

import org.kapclinic.identity.StaffMember;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notes another module writes and signs in one step, from a structured record it owns:
 * the maintenance review (issue 19) is a MAINTENANCE_REVIEW note, signed by the
 * prescriber who recorded it (content hash, lock or co-signature as any note).
 */
@Service
@Transactional
public class ModuleNotes {

	private final Notes notes;

	private final NoteAccess access;

	ModuleNotes(Notes notes, NoteAccess access) {
		this.notes = notes;
		this.access = access;
	}

	/**
	 * Writes the patient's maintenance review note with these fields (the
	 * MAINTENANCE_REVIEW template's keys) and signs it as the current user.
	 * @return the signed note's id
	 */
	public UUID signedMaintenanceReview(UUID patientId, Map<String, String> body) {
		StaffMember user = this.access.requireWriter(patientId);
		Note draft = this.notes.insert(user, patientId,
				new NewNote(NoteType.MAINTENANCE_REVIEW, body, null, false, null), null);
		return this.notes.sign(draft.id()).id();
	}

}
