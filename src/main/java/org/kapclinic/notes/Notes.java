package org.kapclinic.notes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.identity.UserDirectory;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.RuleViolationException;
import org.kapclinic.shared.Secrets;
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

	private static final TypeReference<Map<String, String>> BODY = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final NoteAccess access;

	private final NoteTemplates templates;

	private final NoteLimits limits;

	private final UserDirectory directory;

	private final SessionTimeline timeline;

	private final AuditTrail audit;

	private final ClinicTime clinicTime;

	private final Clock clock;

	Notes(JdbcClient jdbc, JsonMapper json, NoteAccess access, NoteTemplates templates, NoteLimits limits,
			UserDirectory directory, SessionTimeline timeline, AuditTrail audit, ClinicTime clinicTime, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.access = access;
		this.templates = templates;
		this.limits = limits;
		this.directory = directory;
		this.timeline = timeline;
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
		this.jdbc.sql("""
				insert into notes.note (id, patient_id, type, template_version, body, search_text, note_date,
				    private_process, author_id, created_at, updated_at, status, dosing_session_id, group_id)
				values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?)""")
			.params(id, patientId, note.type().name(), template.version(), this.json.writeValueAsString(body),
					searchText(body), noteDate, note.privateProcessNote(), user.id(), now, now, note.dosingSessionId(),
					groupId)
			.update();
		record(AuditAction.CREATE, id, patientId, note.privateProcessNote(), note.type().name());
		return load(id).map((row) -> view(row, true)).orElseThrow();
	}

	/**
	 * Saves a draft. A stale {@code version} is refused (409 with the current version)
	 * unless the newer version was saved by this same editor session: then the only thing
	 * the client missed is the answer to its own earlier save (a dropped response), and
	 * this save carries all of that text and more.
	 */
	public Note update(UUID noteId, Map<String, String> body, LocalDate noteDate, Integer version,
			String editorSession) {
		Row row = require(noteId);
		StaffMember user = readable(row);
		if (!user.id().equals(row.authorId())) {
			throw this.access.refuse(noteId, row.patientId(), row.privateProcess(), AuditAction.UPDATE,
					"only the author edits a draft");
		}
		requireDraft(row);
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
			.params(this.json.writeValueAsString(checked), searchText(checked), date,
					Timestamp.from(Instant.now(this.clock)), session, noteId, version, session, session)
			.update();
		if (updated == 0) {
			Row now = require(noteId);
			requireDraft(now);
			throw new VersionConflictException(NoteAccess.RESOURCE, noteId, now.version());
		}
		record(AuditAction.UPDATE, noteId, row.patientId(), row.privateProcess(), "draft saved");
		return load(noteId).map((r) -> view(r, true)).orElseThrow();
	}

	/**
	 * The author signs: the content hash is fixed and the note locks (or awaits
	 * co-signature).
	 */
	public Note sign(UUID noteId) {
		Row row = require(noteId);
		StaffMember user = readable(row);
		if (!user.id().equals(row.authorId())) {
			throw this.access.refuse(noteId, row.patientId(), row.privateProcess(), AuditAction.UPDATE,
					"only the author signs a note");
		}
		requireDraft(row);
		if (row.body().values().stream().allMatch((v) -> v == null || v.isBlank())) {
			throw InvalidInputException.of("body", "an empty note cannot be signed");
		}
		Instant now = Instant.now(this.clock);
		Optional<UUID> supervisor = supervisorOf(user.id());
		String hash = contentHash(row);
		int updated = this.jdbc.sql("""
				update notes.note set status = ?, signed_at = ?, content_hash = ?, cosigner_id = ?, updated_at = ?
				where id = ? and status = 'DRAFT' and voided_at is null""")
			.params(supervisor.isPresent() ? "SIGNED" : "LOCKED", Timestamp.from(now), hash, supervisor.orElse(null),
					Timestamp.from(now), noteId)
			.update();
		if (updated == 0) {
			throw new ConflictException("The note was signed or voided meanwhile.", NoteAccess.RESOURCE, noteId);
		}
		record(AuditAction.UPDATE, noteId, row.patientId(), row.privateProcess(),
				"signed sha256=" + hash + supervisor.map((s) -> " awaiting co-signature").orElse(""));
		return load(noteId).map((r) -> view(r, true)).orElseThrow();
	}

	/** The supervisor named at signing co-signs; the note locks. */
	public Note cosign(UUID noteId) {
		Row row = require(noteId);
		StaffMember user = readable(row);
		if (!"SIGNED".equals(row.status()) || row.voidedAt() != null) {
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
		return load(noteId).map((r) -> view(r, true)).orElseThrow();
	}

	/** A signed addendum to a signed note (the note itself never changes). */
	public Note addAddendum(UUID noteId, String text) {
		Row row = require(noteId);
		StaffMember user = readable(row);
		if (!NoteAccess.writes(user)) {
			throw this.access.refuse(noteId, row.patientId(), row.privateProcess(), AuditAction.CREATE,
					"only clinicians add addenda");
		}
		if ("DRAFT".equals(row.status())) {
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
		String hash = Secrets.sha256Hex(noteId + "\n" + user.id() + "\n" + now + "\n" + body);
		this.jdbc.sql("""
				insert into notes.addendum (id, note_id, body, author_id, signed_at, content_hash)
				values (?, ?, ?, ?, ?, ?)""").params(id, noteId, body, user.id(), Timestamp.from(now), hash).update();
		this.jdbc.sql("update notes.note set search_text = search_text || ? where id = ?")
			.params("\n" + body.toLowerCase(java.util.Locale.ROOT), noteId)
			.update();
		record(AuditAction.CREATE, noteId, row.patientId(), row.privateProcess(), "addendum " + id);
		return load(noteId).map((r) -> view(r, true)).orElseThrow();
	}

	/**
	 * Voids a note (wrong chart, written in error) with a reason; ADMIN still sees it.
	 */
	public Note voidNote(UUID noteId, String reason) {
		Row row = require(noteId);
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
		this.jdbc.sql("""
				update notes.note set voided_at = ?, voided_by = ?, void_reason = ?
				where id = ? and voided_at is null""")
			.params(Timestamp.from(Instant.now(this.clock)), user.id(), why, noteId)
			.update();
		record(AuditAction.VOID, noteId, row.patientId(), row.privateProcess(), why);
		return load(noteId).map((r) -> view(r, true)).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Note find(UUID noteId) {
		Row row = require(noteId);
		readable(row);
		record(AuditAction.READ, noteId, row.patientId(), row.privateProcess(), null);
		return view(row, true);
	}

	/**
	 * The patient's notes the reader may see, newest note date first: text (in the body
	 * and addenda), type, date range, author. Private process notes appear to their
	 * author only; voided notes to ADMIN only.
	 */
	@Transactional(readOnly = true)
	public List<Note> search(UUID patientId, NoteQuery query) {
		StaffMember user = this.access.requireReader(patientId);
		StringBuilder sql = new StringBuilder("""
				select * from notes.note where patient_id = :patient
				  and (not private_process or author_id = :me) and (voided_at is null or :admin)""");
		Map<String, Object> params = new HashMap<>();
		params.put("patient", patientId);
		params.put("me", user.id());
		params.put("admin", user.has(Role.ADMIN));
		if (query.type() != null) {
			sql.append(" and type = :type");
			params.put("type", query.type().name());
		}
		if (query.text() != null && !query.text().isBlank()) {
			sql.append(" and search_text like :q escape '\\'");
			params.put("q", "%" + likeEscape(query.text().trim().toLowerCase(java.util.Locale.ROOT)) + "%");
		}
		if (query.from() != null) {
			sql.append(" and note_date >= :from");
			params.put("from", query.from());
		}
		if (query.to() != null) {
			sql.append(" and note_date <= :to");
			params.put("to", query.to());
		}
		if (query.authorId() != null) {
			sql.append(" and author_id = :author");
			params.put("author", query.authorId());
		}
		sql.append(" order by note_date desc, created_at desc limit :limit");
		params.put("limit", query.limit());
		List<Row> rows = this.jdbc.sql(sql.toString()).params(params).query((rs, n) -> map(rs)).list();
		this.audit.record(AuditEvent.of(AuditAction.QUERY, NoteAccess.RESOURCE, null)
			.patient(patientId)
			.category(NoteAccess.category(false))
			.detail("results=" + rows.size()));
		if (rows.stream().anyMatch(Row::privateProcess)) {
			this.audit.record(AuditEvent.of(AuditAction.QUERY, NoteAccess.RESOURCE, null)
				.patient(patientId)
				.category(NoteAccess.category(true))
				.detail("own private process notes"));
		}
		return views(rows);
	}

	/** The user who co-signs this clinician's notes, if any. */
	Optional<UUID> supervisorOf(UUID clinicianId) {
		return this.jdbc.sql("select supervisor_id from notes.supervision where clinician_id = ?")
			.param(clinicianId)
			.query(UUID.class)
			.optional();
	}

	private StaffMember readable(Row row) {
		StaffMember user = (row.patientId() != null) ? this.access.requireReader(row.patientId())
				: this.access.requireGroupReader(row.groupId());
		if (!NoteAccess.sees(user, row.authorId(), row.privateProcess(), row.voidedAt() != null)) {
			throw this.access.hidden(row.id(), row.patientId(), row.privateProcess());
		}
		return user;
	}

	private static void requireDraft(Row row) {
		if (row.voidedAt() != null) {
			throw new ConflictException("This note is voided.", NoteAccess.RESOURCE, row.id());
		}
		if (!"DRAFT".equals(row.status())) {
			throw new ConflictException("This note is signed; add an addendum instead.", NoteAccess.RESOURCE, row.id());
		}
	}

	private void checkNoteDate(LocalDate date) {
		if (date.isAfter(this.clinicTime.today(this.clock))) {
			throw InvalidInputException.of("noteDate", "a note cannot be dated in the future");
		}
	}

	private String contentHash(Row row) {
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("id", row.id().toString());
		content.put("patientId", String.valueOf(row.patientId()));
		content.put("type", row.type().name());
		content.put("templateVersion", row.templateVersion());
		content.put("noteDate", row.noteDate().toString());
		content.put("author", row.authorId().toString());
		content.put("body", new TreeMap<>(row.body()));
		return Secrets.sha256Hex(this.json.writeValueAsString(content));
	}

	private void record(AuditAction action, UUID noteId, UUID patientId, boolean privateProcess, String detail) {
		this.audit.record(AuditEvent.of(action, NoteAccess.RESOURCE, noteId)
			.patient(patientId)
			.category(NoteAccess.category(privateProcess))
			.detail(detail));
	}

	private static String searchText(Map<String, String> body) {
		return String.join("\n", body.values()).toLowerCase(java.util.Locale.ROOT);
	}

	private static String likeEscape(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	Row require(UUID noteId) {
		return load(noteId).orElseThrow(() -> new NotFoundException(NoteAccess.RESOURCE, noteId));
	}

	Optional<Row> load(UUID noteId) {
		return this.jdbc.sql("select * from notes.note where id = ?")
			.param(noteId)
			.query((rs, n) -> map(rs))
			.optional();
	}

	Note view(Row row, boolean withTimeline) {
		return views(List.of(row), withTimeline).get(0);
	}

	List<Note> views(List<Row> rows) {
		return views(rows, false);
	}

	private List<Note> views(List<Row> rows, boolean withTimeline) {
		if (rows.isEmpty()) {
			return List.of();
		}
		UUID[] ids = rows.stream().map(Row::id).toArray(UUID[]::new);
		Map<UUID, List<AddendumRow>> addenda = new HashMap<>();
		this.jdbc.sql("select * from notes.addendum where note_id = any(?) order by signed_at")
			.param(ids)
			.query((rs, n) -> new AddendumRow(rs.getObject("note_id", UUID.class), rs.getObject("id", UUID.class),
					rs.getString("body"), rs.getObject("author_id", UUID.class),
					rs.getTimestamp("signed_at").toInstant(), rs.getString("content_hash")))
			.list()
			.forEach((a) -> addenda.computeIfAbsent(a.noteId(), (k) -> new ArrayList<>()).add(a));
		List<UUID> people = new ArrayList<>();
		rows.forEach((r) -> people.add(r.authorId()));
		addenda.values().forEach((list) -> list.forEach((a) -> people.add(a.authorId())));
		Map<UUID, StaffMember> names = this.directory.findAll(people);
		List<Note> notes = new ArrayList<>(rows.size());
		for (Row r : rows) {
			List<Note.Addendum> own = addenda.getOrDefault(r.id(), List.of())
				.stream()
				.map((a) -> new Note.Addendum(a.id(), a.body(), a.authorId(), name(names, a.authorId()), a.signedAt(),
						a.contentHash()))
				.toList();
			boolean late = r.createdAt().atZone(this.clinicTime.timeZone()).toLocalDate().isAfter(r.noteDate());
			List<SessionTimeline.Entry> entries = (withTimeline && r.dosingSessionId() != null)
					? this.timeline.entries(r.patientId(), r.dosingSessionId()) : List.of();
			notes.add(new Note(r.id(), r.patientId(), r.type(), r.templateVersion(), r.body(), r.noteDate(),
					r.createdAt(), late, r.privateProcess(), r.authorId(), name(names, r.authorId()), r.status(),
					r.version(), r.updatedAt(), r.signedAt(), r.contentHash(), r.cosignerId(), r.cosignedAt(),
					r.voidedAt(), r.voidedBy(), r.voidReason(), r.dosingSessionId(), r.groupId(), own, entries));
		}
		return notes;
	}

	private static String name(Map<UUID, StaffMember> names, UUID id) {
		StaffMember member = names.get(id);
		return (member != null) ? member.displayName() : null;
	}

	Row map(ResultSet rs) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
				NoteType.valueOf(rs.getString("type")), rs.getInt("template_version"),
				this.json.readValue(rs.getString("body"), BODY), rs.getObject("note_date", LocalDate.class),
				rs.getBoolean("private_process"), rs.getObject("author_id", UUID.class), instant(rs, "created_at"),
				instant(rs, "updated_at"), rs.getInt("version"), rs.getString("status"), instant(rs, "signed_at"),
				rs.getString("content_hash"), rs.getObject("cosigner_id", UUID.class), instant(rs, "cosigned_at"),
				instant(rs, "voided_at"), rs.getObject("voided_by", UUID.class), rs.getString("void_reason"),
				rs.getObject("dosing_session_id", UUID.class), rs.getObject("group_id", UUID.class));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	/** One stored note row. */
	record Row(UUID id, UUID patientId, NoteType type, int templateVersion, Map<String, String> body,
			LocalDate noteDate, boolean privateProcess, UUID authorId, Instant createdAt, Instant updatedAt,
			int version, String status, Instant signedAt, String contentHash, UUID cosignerId, Instant cosignedAt,
			Instant voidedAt, UUID voidedBy, String voidReason, UUID dosingSessionId, UUID groupId) {
	}

	private record AddendumRow(UUID noteId, UUID id, String body, UUID authorId, Instant signedAt, String contentHash) {
	}

}
