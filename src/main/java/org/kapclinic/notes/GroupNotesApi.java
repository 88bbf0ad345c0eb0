package org.kapclinic.notes;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Group integration circles: attendance, the shared note, members' entries. */
@RestController
@Tag(name = "Clinical notes")
class GroupNotesApi {

	private final GroupNotes groups;

	GroupNotesApi(GroupNotes groups) {
		this.groups = groups;
	}

	@GetMapping("/api/v1/group-sessions/{id}")
	@Operation(summary = "A circle's members, attendance and shared note id (who may see every member)")
	GroupNotes.Circle circle(@PathVariable UUID id) {
		return this.groups.circle(id);
	}

	@PutMapping("/api/v1/group-sessions/{id}/attendance")
	@Operation(summary = "Record attendance: ATTENDED, LEFT_EARLY or ABSENT per member")
	GroupNotes.Circle attendance(@PathVariable UUID id, @Valid @RequestBody AttendanceRequest request) {
		Map<UUID, String> marks = new LinkedHashMap<>();
		request.attendance().forEach((m) -> marks.put(m.patientId(), m.status()));
		return this.groups.recordAttendance(id, marks);
	}

	@PostMapping("/api/v1/group-sessions/{id}/note")
	@Operation(summary = "Start the circle's shared GROUP note (a draft on no chart; edit and sign at /api/v1/notes)")
	ResponseEntity<Note> note(@PathVariable UUID id, @RequestBody NoteRequest request) {
		Note note = this.groups.startNote(id, request.body());
		return ResponseEntity.created(URI.create("/api/v1/notes/" + note.id())).body(note);
	}

	@PostMapping("/api/v1/group-sessions/{id}/members/{patientId}/entry")
	@Operation(summary = "File a signed entry to an attending member's chart",
			description = "422 NAMES_OTHER_MEMBER when the text names another member of the circle.")
	ResponseEntity<Note> entry(@PathVariable UUID id, @PathVariable UUID patientId,
			@Valid @RequestBody EntryRequest request) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.groups.fileMemberEntry(id, patientId, request.body()));
	}

	record AttendanceRequest(@NotNull @Size(max = 30) List<@Valid Mark> attendance) {
	}

	record Mark(@NotNull UUID patientId, @NotNull String status) {
	}

	record NoteRequest(Map<String, String> body) {
	}

	record EntryRequest(@NotNull @Size(max = 4000) String body) {
	}

}
