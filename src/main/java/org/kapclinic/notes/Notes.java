package org.kapclinic.notes;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.RuleViolationException;
import org.kapclinic.shared.VersionConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clinical notes: a draft its author edits (autosaved with an optimistic version), signed
 * with a SHA-256 of its content, then locked; after signing only signed addenda. A
 * supervised clinician's signature waits for the supervisor's co-signature. Notes are
 * never deleted: one written on the wrong chart is voided with a reason. Every read and
 * write is audited, private process notes under their own category.
 */
@Service
@Transactional
public class Notes {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final NoteAccess access;

	private final NoteTemplates templates;

	private final NoteLimits limits;

	private final NoteRows rows;

	private final AuditTrail audit;

	private final ClinicTime clinicTime;

	private final Clock clock;

	Notes(JdbcClient jdbc, JsonMapper json, NoteAccess access, NoteTemplates templates, NoteLimits limits,
			NoteRows rows, AuditTrail audit, ClinicTime clinicTime, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.access = access;
		this.templates = templates;
		this.limits = limits;
		this.rows = rows;
		this.audit = audit;
		this.clinicTime = clinicTime;
		this.clock = clock;
	}

	public Note create(UUID patientId, NewNote note) {
		StaffMember user = this.access.requireWriter(patientId);
		if (note.type() == null) {
			throw InvalidInputException.of("type", "one of " + List.of(NoteType.values()));
		}
		if (note.type() == NoteType.GROUP) {
			throw InvalidInputException.of("type",
					"a group note is written on its circle: POST /api/v1/group-sessions/{id}/note");
		}
		if (note.type() == NoteType.MAINTENANCE_REVIEW) {
			throw InvalidInputException.of("type",
					"a maintenance review is recorded on the chart's maintenance review: POST /api/v1/patients/{id}/maintenance-reviews");
		}
		if (note.privateProcessNote() && !NoteAccess.writesPrivateNotes(user)) {
			throw InvalidInputException.of("privateProcessNote",
					"private process notes are written by therapists and prescribers");
		}
		if (note.dosingSessionId() != null && note.type() != NoteType.DOSING_SESSION) {
			throw InvalidInputException.of("dosingSessionId", "only a DOSING_SESSION note links a dosing session");
		}
		return insert(user, patientId, note, null);
	}

	/**
	 * Inserts a draft (also the group note and members' entries, checked by the caller).
	 */
	Note insert(StaffMember user, UUID patientId, NewNote note, UUID groupId) {
		NoteTemplate template = this.templates.latest(note.type());
		Map<String, String> body = this.limits.checkedBody(template, note.body());
		LocalDate noteDate = (note.noteDate() != null) ? note.noteDate() : this.clinicTime.today(this.clock);
		checkNoteDate(noteDate);
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(Instant.now(this.clock));
		this.rows.insertDraft(id, patientId, note, template.version(), body, noteDate, user.id(), now, groupId);
		record(AuditAction.CREATE, id, patientId, note.privateProcessNote(), note.type().name());
		return this.rows.load(id).map((row) -> this.rows.view(row, true)).orElseThrow();
	}

	/**
	 * Saves a draft. A stale {@code version} is refused (409 with the current version)
	 * unless the newer version was saved by this same editor session: then the only thing
	 * the client missed is the answer to its own earlier save (a dropped response), and
	 * this save carries all of that text and more.
	 */
	public Note update(UUID noteId, Map<String, String> body, LocalDate noteDate, Integer version,
			String editorSession) {
		NoteRows.Row row = this.rows.require(noteId);
		StaffMember user = readable(row);
		if (!user.id().equals(row.authorId())) {
			throw this.access.refuse(noteId, row.patientId(), row.privateProcess(), AuditAction.UPDATE,
					"only the author edits a draft");
		}
		row.requireDraft();
		if (version == null) {
			throw InvalidInputException.of("version", "send the version you edited");
		}
		String session = (editorSession == null || editorSession.isBlank() || editorSession.length() > 64) ? null
				: editorSession;
		NoteTemplate template = this.templates.version(row.type(), row.templateVersion());
		Map<String, String> checked = this.limits.checkedBody(template, body);
		LocalDate date = (noteDate != null) ? noteDate : row.noteDate();
		checkNoteDate(date);
		int updated = this.jdbc.sql("""
				update notes.note set body = ?::jsonb, search_text = ?, note_date = ?, updated_at = ?,
				    last_editor_session = ?
				where id = ? and status = 'DRAFT' and voided_at is null
				  and (version = ? or (?::text is not null and last_editor_session = ?::text))""")
			.params(this.json.writeValueAsString(checked), NoteRows.searchText(checked), date,
					Timestamp.from(Instant.now(this.clock)), session, noteId, version, session, session)
			.update();
		if (updated == 0) {
			NoteRows.Row now = this.rows.require(noteId);
			now.requireDraft();
			throw new VersionConflictException(NoteAccess.RESOURCE, noteId, now.version());
		}
		record(AuditAction.UPDATE, noteId, row.patientId(), row.privateProcess(), "draft saved");
		return this.rows.load(noteId).map((r) -> this.rows.view(r, true)).orElseThrow();
	}

	/**
	 * The author signs: the content hash is fixed and the note locks (or awaits
	 * co-signature).
	 */
	public Note sign(UUID noteId) {
		NoteRows.Row row = this.rows.require(noteId);
		StaffMember user = readable(row);
		if (!user.id().equals(row.authorId())) {
			throw this.access.refuse(noteId, row.patientId(), row.privateProcess(), AuditAction.UPDATE,
					"only the author signs a note");
		}
		row.requireDraft();
		if (row.body().values().stream().allMatch((v) -> v == null || v.isBlank())) {
			throw InvalidInputException.of("body", "an empty note cannot be signed");
		}
		Instant now = Instant.now(this.clock);
		Optional<UUID> supervisor = this.rows.supervisorOf(user.id());
		String hash = this.rows.contentHash(row);
		int updated = this.jdbc.sql("""
				update notes.note set status = ?, signed_at = ?, content_hash = ?, cosigner_id = ?, updated_at = ?
				where id = ? and status = 'DRAFT' and voided_at is null""")
			.params((supervisor.isPresent() ? NoteStatus.SIGNED : NoteStatus.LOCKED).name(), Timestamp.from(now), hash,
					supervisor.orElse(null), Timestamp.from(now), noteId)
			.update();
		if (updated == 0) {
			throw new ConflictException("The note was signed or voided meanwhile.", NoteAccess.RESOURCE, noteId);
		}
		record(AuditAction.UPDATE, noteId, row.patientId(), row.privateProcess(),
				"signed sha256=" + hash + supervisor.map((s) -> " awaiting co-signature").orElse(""));
		return this.rows.load(noteId).map((r) -> this.rows.view(r, true)).orElseThrow();
	}

	/** The supervisor named at signing co-signs; the note locks. */
	public Note cosign(UUID noteId) {
		NoteRows.Row row = this.rows.require(noteId);
		StaffMember user = readable(row);
		if (row.status() != NoteStatus.SIGNED || row.voidedAt() != null) {
			throw new ConflictException("This note does not await a co-signature.", NoteAccess.RESOURCE, noteId);
		}
		if (!user.id().equals(row.cosignerId())) {
			throw this.access.refuse(noteId, row.patientId(), row.privateProcess(), AuditAction.UPDATE,
					"only the author's supervisor co-signs");
		}
		Instant now = Instant.now(this.clock);
		this.jdbc.sql("""
				update notes.note set status = 'LOCKED', cosigned_at = ?
				where id = ? and status = 'SIGNED'""").params(Timestamp.from(now), noteId).update();
		record(AuditAction.UPDATE, noteId, row.patientId(), row.privateProcess(), "co-signed");
		return this.rows.load(noteId).map((r) -> this.rows.view(r, true)).orElseThrow();
	}

	/** A signed addendum to a signed note (the note itself never changes). */
	public Note addAddendum(UUID noteId, String text) {
		NoteRows.Row row = this.rows.require(noteId);
		StaffMember user = readable(row);
		if (!NoteAccess.writes(user)) {
			throw this.access.refuse(noteId, row.patientId(), row.privateProcess(), AuditAction.CREATE,
					"only clinicians add addenda");
		}
		if (row.status() == NoteStatus.DRAFT) {
			throw new ConflictException("A draft is edited, not amended; sign it first.", NoteAccess.RESOURCE, noteId);
		}
		if (row.voidedAt() != null) {
			throw new ConflictException("A voided note takes no addenda.", NoteAccess.RESOURCE, noteId);
		}
		String body = this.limits.checkedText("body", text);
		if (body.isBlank()) {
			throw InvalidInputException.of("body", "an addendum says something");
		}
		UUID id = UUID.randomUUID();
		Instant now = Instant.now(this.clock);
		this.rows.insertAddendum(noteId, id, body, user.id(), now);
		record(AuditAction.CREATE, noteId, row.patientId(), row.privateProcess(), "addendum " + id);
		return this.rows.load(noteId).map((r) -> this.rows.view(r, true)).orElseThrow();
	}

	/**
	 * Voids a note (wrong chart, written in error) with a reason; ADMIN still sees it.
	 */
	public Note voidNote(UUID noteId, String reason) {
		NoteRows.Row row = this.rows.require(noteId);
		StaffMember user = readable(row);
		if (!(user.id().equals(row.authorId()) || user.has(Role.ADMIN))) {
			throw this.access.refuse(noteId, row.patientId(), row.privateProcess(), AuditAction.VOID,
					"only the author or an administrator voids a note");
		}
		if (reason == null || reason.isBlank()) {
			throw InvalidInputException.of("reason", "say why the note is voided (e.g. entered on the wrong chart)");
		}
		String why = this.limits.checkedText("reason", reason.trim());
		if (row.voidedAt() != null) {
			throw new RuleViolationException("This note is already voided.", List.of("ALREADY_VOIDED"));
		}
		this.rows.markVoided(noteId, user.id(), why, Instant.now(this.clock));
		record(AuditAction.VOID, noteId, row.patientId(), row.privateProcess(), why);
		return this.rows.load(noteId).map((r) -> this.rows.view(r, true)).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Note find(UUID noteId) {
		NoteRows.Row row = this.rows.require(noteId);
		readable(row);
		record(AuditAction.READ, noteId, row.patientId(), row.privateProcess(), null);
		return this.rows.view(row, true);
	}

	/**
	 * The patient's notes the reader may see, newest note date first: text (in the body
	 * and addenda), type, date range, author. Private process notes appear to their
	 * author only; voided notes to ADMIN only.
	 */
	@Transactional(readOnly = true)
	public List<Note> search(UUID patientId, NoteQuery query) {
		StaffMember user = this.access.requireReader(patientId);
		List<NoteRows.Row> rows = this.rows.search(patientId, query, user.id(), user.has(Role.ADMIN));
		this.audit.record(AuditEvent.of(AuditAction.QUERY, NoteAccess.RESOURCE, null)
			.patient(patientId)
			.category(NoteAccess.category(false))
			.detail("results=" + rows.size()));
		if (rows.stream().anyMatch(NoteRows.Row::privateProcess)) {
			this.audit.record(AuditEvent.of(AuditAction.QUERY, NoteAccess.RESOURCE, null)
				.patient(patientId)
				.category(NoteAccess.category(true))
				.detail("own private process notes"));
		}
		return this.rows.views(rows);
	}

	private StaffMember readable(NoteRows.Row row) {
		StaffMember user = (row.patientId() != null) ? this.access.requireReader(row.patientId())
				: this.access.requireGroupReader(row.groupId());
		if (!NoteAccess.sees(user, row.authorId(), row.privateProcess(), row.voidedAt() != null)) {
			throw this.access.hidden(row.id(), row.patientId(), row.privateProcess());
		}
		return user;
	}

	private void checkNoteDate(LocalDate date) {
		if (date.isAfter(this.clinicTime.today(this.clock))) {
			throw InvalidInputException.of("noteDate", "a note cannot be dated in the future");
		}
	}

	private void record(AuditAction action, UUID noteId, UUID patientId, boolean privateProcess, String detail) {
		this.audit.record(AuditEvent.of(action, NoteAccess.RESOURCE, noteId)
			.patient(patientId)
			.category(NoteAccess.category(privateProcess))
			.detail(detail));
	}

}
