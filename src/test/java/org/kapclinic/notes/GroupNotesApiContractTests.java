package org.kapclinic.notes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.kapclinic.ApiContractTest;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.RuleViolationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The group-circle API's request/response contract as a web slice (no database, no
 * security filters; {@code GroupNotesIT} marks attendance, writes and signs the shared
 * note and files members' entries with roles, and checks no chart leaks another member).
 * Checked here: a circle carries its members, their attendance codes and the shared
 * note's id; attendance passes every mark in order, and one without its list, a mark
 * without its patient or more than 30 marks are 400s naming the field before anything is
 * recorded; a role that may not document the circle is 403; the shared note answers 201
 * at the notes API, and a second one is 409; a member's entry answers 201, needs its body
 * (at most 4000 characters), is 422 NAMES_OTHER_MEMBER when it names another member, and
 * 404 for someone not in the circle.
 */
@ApiContractTest(GroupNotesApi.class)
class GroupNotesApiContractTests {

	private static final UUID GROUP = UUID.fromString("0190f0e0-0000-7000-8000-00000000d201");

	private static final UUID ALDER = UUID.fromString("0190f0e0-0000-7000-8000-00000000d202");

	private static final UUID BIRCH = UUID.fromString("0190f0e0-0000-7000-8000-00000000d203");

	private static final UUID NOTE = UUID.fromString("0190f0e0-0000-7000-8000-00000000d204");

	private static final UUID ENTRY = UUID.fromString("0190f0e0-0000-7000-8000-00000000d205");

	private static final String CIRCLE = "/api/v1/group-sessions/" + GROUP;

	@Autowired
	MockMvc mvc;

	@MockitoBean
	GroupNotes groups;

	@Test
	void aCircleCarriesItsMembersAttendanceAndSharedNote() throws Exception {
		given(this.groups.circle(GROUP)).willReturn(circle());
		this.mvc.perform(get(CIRCLE))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.groupId").value(GROUP.toString()))
			.andExpect(jsonPath("$.start").value("2031-03-11T17:00:00Z"))
			.andExpect(jsonPath("$.end").value("2031-03-11T18:30:00Z"))
			.andExpect(jsonPath("$.capacity").value(4))
			.andExpect(jsonPath("$.members[0].patientId").value(ALDER.toString()))
			.andExpect(jsonPath("$.members[0].name").value("Alder Testcase"))
			.andExpect(jsonPath("$.members[0].attendance").value("ATTENDED"))
			.andExpect(jsonPath("$.members[0].entryId").value(ENTRY.toString()))
			.andExpect(jsonPath("$.members[1].attendance").value("LEFT_EARLY"))
			.andExpect(jsonPath("$.noteId").value(NOTE.toString()));
	}

	@Test
	void attendancePassesEveryMarkInOrder() throws Exception {
		given(this.groups.recordAttendance(eq(GROUP), any())).willReturn(circle());
		this.mvc.perform(put(CIRCLE + "/attendance").contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"attendance":[{"patientId":"%s","status":"LEFT_EARLY"},{"patientId":"%s","status":"ATTENDED"}]}"""
				.formatted(BIRCH, ALDER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.members[1].patientId").value(BIRCH.toString()));
		@SuppressWarnings("unchecked")
		ArgumentCaptor<Map<UUID, String>> marks = ArgumentCaptor.forClass(Map.class);
		verify(this.groups).recordAttendance(eq(GROUP), marks.capture());
		assertThat(marks.getValue()).containsExactly(Map.entry(BIRCH, "LEFT_EARLY"), Map.entry(ALDER, "ATTENDED"));
	}

	@Test
	void attendanceWithoutItsListAMarkWithoutItsPatientOrTooManyMarksRecordsNothing() throws Exception {
		attendance("{}").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("attendance"));
		attendance("""
				{"attendance":[{"status":"ATTENDED"}]}""").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("attendance[0].patientId"));
		String mark = "{\"patientId\":\"" + ALDER + "\",\"status\":\"ABSENT\"},";
		attendance("{\"attendance\":[" + mark.repeat(30) + mark.substring(0, mark.length() - 1) + "]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("attendance"));
		attendance("{\"attendance\":[{\"patientId\":\"alder\",\"status\":\"ABSENT\"}]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Unreadable request"));
		verifyNoInteractions(this.groups);
	}

	@Test
	void aRoleThatMayNotDocumentTheCircleIs403() throws Exception {
		given(this.groups.recordAttendance(eq(GROUP), any()))
			.willThrow(new AccessDeniedException("only clinicians document a circle"));
		attendance("""
				{"attendance":[{"patientId":"%s","status":"ATTENDED"}]}""".formatted(ALDER))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.title").value("Forbidden"));
	}

	@Test
	void theSharedNoteAnswers201AtTheNotesApiAndASecondOneIs409() throws Exception {
		given(this.groups.startNote(GROUP, Map.of("themes", "Themes of belonging"))).willReturn(note(null, "DRAFT"));
		sharedNote().andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/notes/" + NOTE))
			.andExpect(jsonPath("$.id").value(NOTE.toString()))
			.andExpect(jsonPath("$.type").value("GROUP"))
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andExpect(jsonPath("$.groupId").value(GROUP.toString()))
			.andExpect(jsonPath("$.patientId").value(nullValue()));
		given(this.groups.startNote(GROUP, Map.of("themes", "Themes of belonging")))
			.willThrow(new ConflictException("This circle already has its note.", "Note", NOTE));
		sharedNote().andExpect(status().isConflict())
			.andExpect(jsonPath("$.conflict.resourceType").value("Note"))
			.andExpect(jsonPath("$.conflict.resourceId").value(NOTE.toString()));
	}

	@Test
	void aMemberEntryAnswers201SignedOnTheirChart() throws Exception {
		given(this.groups.fileMemberEntry(GROUP, ALDER, "Spoke of feeling less alone; plans a daily walk."))
			.willReturn(note(ALDER, "LOCKED"));
		entry(ALDER, """
				{"body":"Spoke of feeling less alone; plans a daily walk."}""").andExpect(status().isCreated())
			.andExpect(jsonPath("$.patientId").value(ALDER.toString()))
			.andExpect(jsonPath("$.status").value("LOCKED"))
			.andExpect(jsonPath("$.body.memberAddendum").value("Spoke of feeling less alone; plans a daily walk."));
	}

	@Test
	void anEntryNeedsItsBodyWithinItsLimit() throws Exception {
		entry(ALDER, "{}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("body"));
		entry(ALDER, "{\"body\":\"" + "b".repeat(4001) + "\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("body"));
		this.mvc
			.perform(post(CIRCLE + "/members/{patientId}/entry", "alder").contentType(MediaType.APPLICATION_JSON)
				.content("{\"body\":\"Absent\"}"))
			.andExpect(status().isBadRequest());
		verifyNoInteractions(this.groups);
	}

	@Test
	void anEntryNamingAnotherMemberIs422AndSomeoneNotInTheCircle404() throws Exception {
		given(this.groups.fileMemberEntry(GROUP, ALDER, "Supported Birch warmly")).willThrow(new RuleViolationException(
				"A member's entry must not name other members of the circle (it is filed to this member's chart).",
				List.of("NAMES_OTHER_MEMBER")));
		entry(ALDER, """
				{"body":"Supported Birch warmly"}""").andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.reasons[0]").value("NAMES_OTHER_MEMBER"));
		UUID stranger = UUID.fromString("0190f0e0-0000-7000-8000-00000000d2ff");
		given(this.groups.fileMemberEntry(GROUP, stranger, "Absent"))
			.willThrow(new NotFoundException("GroupMember", stranger));
		entry(stranger, """
				{"body":"Absent"}""").andExpect(status().isNotFound()).andExpect(jsonPath("$.reasons").doesNotExist());
	}

	private ResultActions attendance(String body) throws Exception {
		return this.mvc.perform(put(CIRCLE + "/attendance").contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private ResultActions sharedNote() throws Exception {
		return this.mvc.perform(post(CIRCLE + "/note").contentType(MediaType.APPLICATION_JSON).content("""
				{"body":{"themes":"Themes of belonging"}}"""));
	}

	private ResultActions entry(UUID member, String body) throws Exception {
		return this.mvc
			.perform(post(CIRCLE + "/members/{patientId}/entry", member).contentType(MediaType.APPLICATION_JSON)
				.content(body));
	}

	private static GroupNotes.Circle circle() {
		return new GroupNotes.Circle(GROUP, Instant.parse("2031-03-11T17:00:00Z"),
				Instant.parse("2031-03-11T18:30:00Z"), 4,
				List.of(new GroupNotes.Circle.Member(ALDER, "Alder Testcase", "ATTENDED", ENTRY),
						new GroupNotes.Circle.Member(BIRCH, "Birch Testcase", "LEFT_EARLY", null)),
				NOTE);
	}

	private static Note note(UUID patient, String status) {
		Map<String, String> body = (patient != null)
				? Map.of("memberAddendum", "Spoke of feeling less alone; plans a daily walk.")
				: Map.of("themes", "Themes of belonging");
		return new Note(NOTE, patient, NoteType.GROUP, 1, body, LocalDate.of(2031, 3, 11),
				Instant.parse("2031-03-11T19:00:00Z"), false, false,
				UUID.fromString("0190f0e0-0000-7000-8000-00000000d206"), "Therapist Cove (synthetic)",
				NoteStatus.valueOf(status), 0, Instant.parse("2031-03-11T19:00:00Z"), null, null, null, null, null,
				null, null, null, GROUP, List.of(), List.of());
	}

}
