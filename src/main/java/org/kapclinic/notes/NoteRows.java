package org.kapclinic.notes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.kapclinic.identity.StaffMember;
import org.kapclinic.identity.UserDirectory;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.Secrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The note's rows: the note, its addenda, and the views built from them (authors' names,
 * late entry, the dosing session's timeline), plus the chart's note search. No access
 * check and no audit here: {@link Notes} decides who may read what and records it.
 */
@Component
class NoteRows {

	private static final TypeReference<Map<String, String>> BODY = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	/**
	 * Made once: resolving BODY's generic type on each row costs more than parsing it.
	 */
	private final ObjectReader bodyReader;

	private final UserDirectory directory;

	private final SessionTimeline timeline;

	private final ClinicTime clinicTime;

	NoteRows(JdbcClient jdbc, JsonMapper json, UserDirectory directory, SessionTimeline timeline,
			ClinicTime clinicTime) {
		this.jdbc = jdbc;
		this.json = json;
		this.bodyReader = json.readerFor(BODY);
		this.directory = directory;
		this.timeline = timeline;
		this.clinicTime = clinicTime;
	}

	/**
	 * The patient's notes matching the query, newest note date first: private process
	 * notes only to their author, voided ones only to ADMIN.
	 */
	List<Row> search(UUID patientId, NoteQuery query, UUID readerId, boolean admin) {
		StringBuilder sql = new StringBuilder("""
				select * from notes.note where patient_id = :patient
				  and (not private_process or author_id = :me) and (voided_at is null or :admin)""");
		Map<String, Object> params = new HashMap<>();
		params.put("patient", patientId);
		params.put("me", readerId);
		params.put("admin", admin);
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
		return this.jdbc.sql(sql.toString()).params(params).query((rs, n) -> map(rs)).list();
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

	List<Note> views(List<Row> rows, boolean withTimeline) {
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
				this.bodyReader.readValue(rs.getString("body")), rs.getObject("note_date", LocalDate.class),
				rs.getBoolean("private_process"), rs.getObject("author_id", UUID.class), instant(rs, "created_at"),
				instant(rs, "updated_at"), rs.getInt("version"), NoteStatus.valueOf(rs.getString("status")),
				instant(rs, "signed_at"), rs.getString("content_hash"), rs.getObject("cosigner_id", UUID.class),
				instant(rs, "cosigned_at"), instant(rs, "voided_at"), rs.getObject("voided_by", UUID.class),
				rs.getString("void_reason"), rs.getObject("dosing_session_id", UUID.class),
				rs.getObject("group_id", UUID.class));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	/** One stored note row. */
	record Row(UUID id, UUID patientId, NoteType type, int templateVersion, Map<String, String> body,
			LocalDate noteDate, boolean privateProcess, UUID authorId, Instant createdAt, Instant updatedAt,
			int version, NoteStatus status, Instant signedAt, String contentHash, UUID cosignerId, Instant cosignedAt,
			Instant voidedAt, UUID voidedBy, String voidReason, UUID dosingSessionId, UUID groupId) {

		/** 409 unless the note is a draft that is not voided. */
		void requireDraft() {
			if (this.voidedAt != null) {
				throw new ConflictException("This note is voided.", NoteAccess.RESOURCE, this.id);
			}
			if (this.status != NoteStatus.DRAFT) {
				throw new ConflictException("This note is signed; add an addendum instead.", NoteAccess.RESOURCE,
						this.id);
			}
		}

	}

	private record AddendumRow(UUID noteId, UUID id, String body, UUID authorId, Instant signedAt, String contentHash) {
	}

	/** The user who co-signs this clinician's notes, if any. */
	Optional<UUID> supervisorOf(UUID clinicianId) {
		return this.jdbc.sql("select supervisor_id from notes.supervision where clinician_id = ?")
			.param(clinicianId)
			.query(UUID.class)
			.optional();
	}

	String contentHash(NoteRows.Row row) {
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

	static String searchText(Map<String, String> body) {
		return String.join("\n", body.values()).toLowerCase(java.util.Locale.ROOT);
	}

	void insertDraft(UUID id, UUID patientId, NewNote note, int templateVersion, Map<String, String> body,
			LocalDate noteDate, UUID authorId, Timestamp now, UUID groupId) {
		this.jdbc.sql("""
				insert into notes.note (id, patient_id, type, template_version, body, search_text, note_date,
				    private_process, author_id, created_at, updated_at, status, dosing_session_id, group_id)
				values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?)""")
			.params(id, patientId, note.type().name(), templateVersion, this.json.writeValueAsString(body),
					searchText(body), noteDate, note.privateProcessNote(), authorId, now, now, note.dosingSessionId(),
					groupId)
			.update();
	}

	/**
	 * A signed addendum, hashed with its author and time; its words join the note's
	 * search text.
	 */
	void insertAddendum(UUID noteId, UUID id, String body, UUID authorId, Instant signedAt) {
		String hash = Secrets.sha256Hex(noteId + "\n" + authorId + "\n" + signedAt + "\n" + body);
		this.jdbc.sql("""
				insert into notes.addendum (id, note_id, body, author_id, signed_at, content_hash)
				values (?, ?, ?, ?, ?, ?)""")
			.params(id, noteId, body, authorId, Timestamp.from(signedAt), hash)
			.update();
		this.jdbc.sql("update notes.note set search_text = search_text || ? where id = ?")
			.params("\n" + body.toLowerCase(java.util.Locale.ROOT), noteId)
			.update();
	}

	void markVoided(UUID noteId, UUID by, String reason, Instant at) {
		this.jdbc.sql("""
				update notes.note set voided_at = ?, voided_by = ?, void_reason = ?
				where id = ? and voided_at is null""").params(Timestamp.from(at), by, reason, noteId).update();
	}

}
