package org.kapclinic.notes;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.identity.UserDirectory;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which clinicians are supervised (e.g. associates and trainees, whose notes a licensed
 * supervisor co-signs). Set by an administrator; a note signed while supervised waits for
 * that supervisor's co-signature.
 */
@Service
@Transactional
class Supervision {

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final UserDirectory directory;

	private final AuditTrail audit;

	private final Clock clock;

	Supervision(JdbcClient jdbc, CurrentUser currentUser, UserDirectory directory, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	/** Sets (or with {@code null} ends) the clinician's supervisor. */
	public void set(UUID clinicianId, UUID supervisorId) {
		StaffMember admin = this.currentUser.require();
		if (!admin.has(Role.ADMIN)) {
			throw new AccessDeniedException("Only administrators set supervision");
		}
		this.directory.find(clinicianId).orElseThrow(() -> new NotFoundException("User", clinicianId));
		if (supervisorId == null) {
			this.jdbc.sql("delete from notes.supervision where clinician_id = ?").param(clinicianId).update();
		}
		else {
			StaffMember supervisor = this.directory.find(supervisorId)
				.filter(StaffMember::active)
				.orElseThrow(() -> InvalidInputException.of("supervisorId", "no such active user"));
			if (supervisorId.equals(clinicianId) || !NoteAccess.writes(supervisor)) {
				throw InvalidInputException.of("supervisorId", "a supervisor is another clinician");
			}
			this.jdbc.sql("""
					insert into notes.supervision (clinician_id, supervisor_id, set_at, set_by) values (?, ?, ?, ?)
					on conflict (clinician_id) do update set supervisor_id = excluded.supervisor_id,
					    set_at = excluded.set_at, set_by = excluded.set_by""")
				.params(clinicianId, supervisorId, Timestamp.from(Instant.now(this.clock)), admin.id())
				.update();
		}
		this.audit.record(AuditEvent.of(AuditAction.PRIVILEGE_CHANGE, "Supervision", clinicianId)
			.category(DataCategory.ADMINISTRATION)
			.detail("supervisor " + supervisorId));
	}

}
