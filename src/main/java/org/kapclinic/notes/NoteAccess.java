package org.kapclinic.notes;

import java.util.List;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditOutcome;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.scheduling.GroupSessions;
import org.kapclinic.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may read and write notes (issue 7): the patient's care team, PRESCRIBER and ADMIN
 * read (the care-team rule of {@link CareTeamAccess}); FRONT_DESK never. Clinicians
 * (THERAPIST, PRESCRIBER, NURSE) write. A private process note is its author's alone
 * (HIPAA 45 CFR 164.501; security.md 2b): to anyone else it does not exist (404). A
 * voided note stays visible to ADMIN only. Refusals are audited.
 */
@Component
class NoteAccess {

	static final String RESOURCE = "Note";

	private final CareTeamAccess access;

	private final GroupSessions groups;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	NoteAccess(CareTeamAccess access, GroupSessions groups, CurrentUser currentUser, AuditTrail audit) {
		this.access = access;
		this.groups = groups;
		this.currentUser = currentUser;
		this.audit = audit;
	}

	/**
	 * A circle's shared note names its members, so it is read only by a clinician who may
	 * see every member's chart (the facilitator on their care teams, PRESCRIBER, ADMIN).
	 */
	StaffMember requireGroupReader(UUID groupId) {
		StaffMember user = this.currentUser.require();
		if (this.groups.find(groupId).isEmpty()) {
			throw new NotFoundException("GroupSession", groupId);
		}
		boolean clinical = user.has(Role.ADMIN) || writes(user);
		List<GroupSessions.Member> members = this.groups.members(groupId);
		boolean everyone = user.has(Role.ADMIN) || user.has(Role.PRESCRIBER);
		boolean seesAll = clinical && (everyone || !members.isEmpty())
				&& members.stream().allMatch((m) -> this.access.canSeeClinical(user, m.patientId()));
		if (!seesAll) {
			deny(null, null, AuditAction.READ, DataCategory.CLINICAL, "group " + groupId + " not visible");
			throw new NotFoundException("GroupSession", groupId);
		}
		return user;
	}

	/** The signed-in user if they may read this patient's notes (404/403 otherwise). */
	StaffMember requireReader(UUID patientId) {
		return this.access.requireClinical(patientId);
	}

	/** The signed-in user if they may write notes on this chart. */
	StaffMember requireWriter(UUID patientId) {
		StaffMember user = this.access.requireClinical(patientId);
		if (!writes(user)) {
			deny(null, patientId, AuditAction.CREATE, DataCategory.CLINICAL, "role may not write notes");
			throw new AccessDeniedException("Only clinicians write notes");
		}
		return user;
	}

	static boolean writes(StaffMember user) {
		return user.has(Role.THERAPIST) || user.has(Role.PRESCRIBER) || user.has(Role.NURSE);
	}

	/** Private process notes are written by therapists and prescribers only. */
	static boolean writesPrivateNotes(StaffMember user) {
		return user.has(Role.THERAPIST) || user.has(Role.PRESCRIBER);
	}

	/** Whether this reader (already allowed on the chart) sees this note. */
	static boolean sees(StaffMember user, UUID authorId, boolean privateProcess, boolean voided) {
		if (privateProcess && !user.id().equals(authorId)) {
			return false;
		}
		return !voided || user.has(Role.ADMIN);
	}

	static DataCategory category(boolean privateProcess) {
		return privateProcess ? DataCategory.PSYCHOTHERAPY_NOTE : DataCategory.CLINICAL;
	}

	NotFoundException hidden(UUID noteId, UUID patientId, boolean privateProcess) {
		deny(noteId, patientId, AuditAction.READ, category(privateProcess), "note not visible to this user");
		return new NotFoundException(RESOURCE, noteId);
	}

	AccessDeniedException refuse(UUID noteId, UUID patientId, boolean privateProcess, AuditAction action, String why) {
		deny(noteId, patientId, action, category(privateProcess), why);
		return new AccessDeniedException(why);
	}

	private void deny(UUID noteId, UUID patientId, AuditAction action, DataCategory category, String why) {
		this.audit.recordIndependently(AuditEvent.of(action, RESOURCE, noteId)
			.patient(patientId)
			.category(category)
			.outcome(AuditOutcome.DENIED)
			.detail(why));
	}

}
