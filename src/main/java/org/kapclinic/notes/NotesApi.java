package org.kapclinic.notes;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Clinical notes: drafts, signatures, addenda, co-signature, void, search. */
@RestController
@Validated
@Tag(name = "Clinical notes")
class NotesApi {

	private final Notes notes;

	private final NoteTemplates templates;

	private final Supervision supervision;

	private final Journal journal;

	NotesApi(Notes notes, NoteTemplates templates, Supervision supervision, Journal journal) {
		this.notes = notes;
		this.templates = templates;
		this.supervision = supervision;
		this.journal = journal;
	}

	@PostMapping("/api/v1/patients/{id}/journal-links")
	@Operation(summary = "A single-use link for the patient to write an INTENTION or a REFLECTION",
			description = "The patient confirms their date of birth at /journal/{token}; the link expires "
					+ "(kap.notes.journal-link-validity, 7 days) and closes once the entry is sent. The url is "
					+ "returned only here.")
	ResponseEntity<Journal.Issued> journalLink(@PathVariable UUID id, @RequestBody JournalLinkRequest request) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.header("Cache-Control", "no-store")
			.body(this.journal.issue(id, request.kind()));
	}

	@GetMapping("/api/v1/patients/{id}/journal")
	@Operation(summary = "The patient's sent intentions and reflections, newest first")
	List<JournalEntry> journal(@PathVariable UUID id, @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
		return this.journal.entries(id, limit);
	}

	@PostMapping("/api/v1/patients/{id}/notes")
	@Operation(summary = "Start a note (a draft)",
			description = "type: INTAKE_ASSESSMENT, PREPARATION, DOSING_SESSION, INTEGRATION, PROGRESS_SOAP, "
					+ "PROGRESS_DAP, DISCHARGE_SUMMARY (GROUP notes are written on the circle). body holds the "
					+ "template's fields by key (GET /api/v1/note-templates); unknown keys and over-long text are "
					+ "400. privateProcessNote: a psychotherapy note visible to its author only. noteDate defaults "
					+ "to today; an earlier date marks a late entry.")
	ResponseEntity<Note> create(@PathVariable UUID id, @RequestBody CreateRequest request) {
		Note note = this.notes.create(id, new NewNote(request.type(), request.body(), request.noteDate(),
				Boolean.TRUE.equals(request.privateProcessNote()), request.dosingSessionId()));
		return ResponseEntity.created(URI.create("/api/v1/notes/" + note.id())).body(note);
	}

	@GetMapping("/api/v1/patients/{id}/notes")
	@Operation(summary = "Search the patient's notes (newest note date first)",
			description = "q: text in the body or addenda; type; from/to: note dates; authorId. Private process "
					+ "notes appear to their author only, voided notes to ADMIN only.")
	List<Note> search(@PathVariable UUID id, @RequestParam(required = false) NoteType type,
			@RequestParam(required = false) @Size(max = 200) String q,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) UUID authorId,
			@RequestParam(defaultValue = "200") @Min(1) @Max(2000) int limit) {
		return this.notes.search(id, new NoteQuery(type, q, from, to, authorId, limit));
	}

	@GetMapping("/api/v1/notes/{id}")
	@Operation(summary = "One note with its addenda (and the dosing session's timeline)")
	Note find(@PathVariable UUID id) {
		return this.notes.find(id);
	}

	@PutMapping("/api/v1/notes/{id}")
	@Operation(summary = "Save a draft (its author only)",
			description = "Send the version you edited: a stale one is 409 with currentVersion, unless the newer "
					+ "version came from the same editorSession (your own save whose answer was lost). A signed "
					+ "note is 409: add an addendum instead.")
	Note update(@PathVariable UUID id, @Valid @RequestBody UpdateRequest request) {
		return this.notes.update(id, request.body(), request.noteDate(), request.version(), request.editorSession());
	}

	@PostMapping("/api/v1/notes/{id}/sign")
	@Operation(summary = "Sign a draft (its author): fixes a SHA-256 content hash and locks the note",
			description = "A supervised clinician's note is SIGNED until the supervisor co-signs, then LOCKED.")
	Note sign(@PathVariable UUID id) {
		return this.notes.sign(id);
	}

	@PostMapping("/api/v1/notes/{id}/cosign")
	@Operation(summary = "Co-sign a supervised clinician's signed note (the supervisor)")
	Note cosign(@PathVariable UUID id) {
		return this.notes.cosign(id);
	}

	@PostMapping("/api/v1/notes/{id}/addenda")
	@Operation(summary = "Add a signed addendum to a signed note")
	ResponseEntity<Note> addendum(@PathVariable UUID id, @Valid @RequestBody AddendumRequest request) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.notes.addAddendum(id, request.body()));
	}

	@PostMapping("/api/v1/notes/{id}/void")
	@Operation(summary = "Void a note with a reason (author or ADMIN); it stays visible to ADMIN")
	Note voidNote(@PathVariable UUID id, @Valid @RequestBody VoidRequest request) {
		return this.notes.voidNote(id, request.reason());
	}

	@GetMapping("/api/v1/note-templates")
	@Operation(summary = "The newest template of every note type (fields by key)")
	List<NoteTemplate> templates() {
		return this.templates.current();
	}

	@PostMapping("/api/v1/note-templates/{type}")
	@Operation(summary = "Publish a new version of a note type's template (ADMIN); old notes keep theirs")
	ResponseEntity<NoteTemplate> publish(@PathVariable NoteType type, @Valid @RequestBody TemplateRequest request) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.templates.publish(type, request.name(), request.fields()));
	}

	@PutMapping("/api/v1/staff/{id}/supervisor")
	@Operation(summary = "Set or clear (null) the clinician whose co-signature this clinician's notes need (ADMIN)")
	ResponseEntity<Void> supervisor(@PathVariable UUID id, @RequestBody SupervisorRequest request) {
		this.supervision.set(id, request.supervisorId());
		return ResponseEntity.noContent().build();
	}

	record CreateRequest(NoteType type, Map<String, String> body, LocalDate noteDate, Boolean privateProcessNote,
			UUID dosingSessionId) {
	}

	record UpdateRequest(Map<String, String> body, LocalDate noteDate, @NotNull Integer version,
			@Size(max = 64) String editorSession) {
	}

	record AddendumRequest(@NotNull String body) {
	}

	record VoidRequest(@NotNull @Size(max = 2000) String reason) {
	}

	record TemplateRequest(String name, List<NoteTemplate.Field> fields) {
	}

	record SupervisorRequest(UUID supervisorId) {
	}

	record JournalLinkRequest(String kind) {
	}

}
