package org.kapclinic.notes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiContractTest;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.VersionConflictException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The clinical-notes API's request/response contract as a web slice (no database, no
 * security filters; {@code NotesIT} writes, signs and voids real notes with roles).
 * Checked here: a draft answers 201 with its address, and a note is not private unless
 * asked; a note type we do not have is unreadable; a save names its version (400
 * without), a stale one is 409 with the current version and a signed note's is a 409
 * conflict; a void needs its reason; a journal link is never cached; search limits.
 */
@ApiContractTest(NotesApi.class)
class NotesApiContractTests {

	private static final UUID PATIENT = UUID.fromString("0190f0e0-0000-7000-8000-00000000e001");

	private static final UUID NOTE = UUID.fromString("0190f0e0-0000-7000-8000-00000000e002");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Notes notes;

	@MockitoBean
	NoteTemplates templates;

	@MockitoBean
	Supervision supervision;

	@MockitoBean
	Journal journal;

	@Test
	void aDraftAnswers201WithItsAddressAndIsNotPrivateUnlessAsked() throws Exception {
		given(this.notes.create(eq(PATIENT), any())).willReturn(note(NoteStatus.DRAFT));
		this.mvc
			.perform(post("/api/v1/patients/" + PATIENT + "/notes").contentType(MediaType.APPLICATION_JSON)
				.content("{\"type\":\"INTEGRATION\",\"body\":{\"themes\":\"felt held\"},\"noteDate\":\"2026-12-02\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/notes/" + NOTE))
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andExpect(jsonPath("$.type").value("INTEGRATION"));
		verify(this.notes).create(PATIENT, new NewNote(NoteType.INTEGRATION, Map.of("themes", "felt held"),
				LocalDate.of(2026, 12, 2), false, null));
	}

	@Test
	void aNoteTypeWeDoNotHaveIsUnreadable() throws Exception {
		this.mvc
			.perform(post("/api/v1/patients/" + PATIENT + "/notes").contentType(MediaType.APPLICATION_JSON)
				.content("{\"type\":\"POEM\",\"body\":{}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Unreadable request"));
		verifyNoInteractions(this.notes);
	}

	@Test
	void aSaveNamesItsVersionAndAStaleOrSignedOneIs409() throws Exception {
		this.mvc
			.perform(put("/api/v1/notes/" + NOTE).contentType(MediaType.APPLICATION_JSON)
				.content("{\"body\":{\"themes\":\"x\"}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("version"));
		verifyNoInteractions(this.notes);

		given(this.notes.update(eq(NOTE), any(), any(), eq(3), any()))
			.willThrow(new VersionConflictException("Note", NOTE, 5));
		this.mvc
			.perform(put("/api/v1/notes/" + NOTE).contentType(MediaType.APPLICATION_JSON)
				.content("{\"body\":{\"themes\":\"x\"},\"version\":3}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.currentVersion").value(5));

		given(this.notes.update(eq(NOTE), any(), any(), eq(5), any()))
			.willThrow(new ConflictException("This note is signed: add an addendum instead.", "Note", NOTE));
		this.mvc
			.perform(put("/api/v1/notes/" + NOTE).contentType(MediaType.APPLICATION_JSON)
				.content("{\"body\":{\"themes\":\"x\"},\"version\":5}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("This note is signed: add an addendum instead."));
	}

	@Test
	void aVoidNeedsItsReason() throws Exception {
		this.mvc.perform(post("/api/v1/notes/" + NOTE + "/void").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		verifyNoInteractions(this.notes);
	}

	@Test
	void aJournalLinkIsNeverCached() throws Exception {
		given(this.journal.issue(PATIENT, "REFLECTION"))
			.willReturn(new Journal.Issued(UUID.fromString("0190f0e0-0000-7000-8000-00000000e003"), "REFLECTION",
					"https://clinic.example.invalid/journal/synthetic-token", Instant.parse("2026-12-10T00:00:00Z")));
		this.mvc
			.perform(post("/api/v1/patients/" + PATIENT + "/journal-links").contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\":\"REFLECTION\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(jsonPath("$.url").value("https://clinic.example.invalid/journal/synthetic-token"));
	}

	@Test
	void aSearchPassesItsFiltersAndKeepsItsLimits() throws Exception {
		this.mvc.perform(get("/api/v1/patients/" + PATIENT + "/notes").param("limit", "2001"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("limit"));
		verifyNoInteractions(this.notes);
		this.mvc
			.perform(get("/api/v1/patients/" + PATIENT + "/notes").param("type", "PREPARATION")
				.param("q", "breath")
				.param("from", "2026-11-01"))
			.andExpect(status().isOk());
		verify(this.notes).search(PATIENT,
				new NoteQuery(NoteType.PREPARATION, "breath", LocalDate.of(2026, 11, 1), null, null, 200));
	}

	private static Note note(NoteStatus status) {
		return new Note(NOTE, PATIENT, NoteType.INTEGRATION, 1, Map.of("themes", "felt held"),
				LocalDate.of(2026, 12, 2), Instant.parse("2026-12-02T16:00:00Z"), false, false,
				UUID.fromString("0190f0e0-0000-7000-8000-00000000e004"), "Therapist Cove (synthetic)", status, 0,
				Instant.parse("2026-12-02T16:00:00Z"), null, null, null, null, null, null, null, null, null, List.of(),
				List.of());
	}

}
