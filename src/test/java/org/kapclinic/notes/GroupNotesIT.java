package org.kapclinic.notes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A group circle's note never reaches a member's chart with other members in it. */
class GroupNotesIT extends IntegrationTest {

	@Test
	void attendanceOneGroupNoteAndMemberEntriesThatNeverLeakOtherMembers() {
		String prescriber = tokenFor("dr.quill");
		String cove = tokenFor("therapist.cove");
		NotesFixtures fixtures = new NotesFixtures(this.api, prescriber);
		UUID coveId = userId("therapist.cove");
		String alder = fixtures.patient("Alderwood", List.of(coveId, userId("nurse.bell")));
		String birch = fixtures.patient("Birchmoor", List.of(coveId));
		String cedar = fixtures.patient("Cedarly", List.of(coveId));
		Map<String, String> names = new HashMap<>();
		for (String id : List.of(alder, birch, cedar)) {
			names.put(id, this.api.get("/api/v1/patients/" + id, prescriber).json().get("familyName").asString());
		}
		String room = this.api
			.post("/api/v1/rooms",
					Map.of("name", "circle-" + UUID.randomUUID(), "kind", "ROOM", "capabilities", List.of()),
					tokenFor("admin"))
			.json()
			.get("id")
			.asString();
		Map<String, Object> open = new HashMap<>();
		open.put("patientId", alder);
		open.put("type", "GROUP_INTEGRATION");
		open.put("start", "2031-03-11T17:00:00Z");
		open.put("durationMinutes", 90);
		open.put("roomId", room);
		open.put("staffIds", List.of(coveId.toString()));
		open.put("capacity", 4);
		Response first = this.api.post("/api/v1/appointments", open, prescriber);
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		String group = first.json().get("groupId").asString();
		for (String member : List.of(birch, cedar)) {
			Map<String, Object> join = new HashMap<>();
			join.put("patientId", member);
			join.put("type", "GROUP_INTEGRATION");
			join.put("start", "2031-03-11T17:00:00Z");
			join.put("durationMinutes", 90);
			join.put("groupId", group);
			join.put("staffIds", List.of());
			Response joined = this.api.post("/api/v1/appointments", join, prescriber);
			assertThat(joined.status()).as(joined.body()).isEqualTo(201);
		}

		Response marked = this.api.put("/api/v1/group-sessions/" + group + "/attendance",
				Map.of("attendance",
						List.of(Map.of("patientId", alder, "status", "ATTENDED"),
								Map.of("patientId", birch, "status", "LEFT_EARLY"),
								Map.of("patientId", cedar, "status", "ABSENT"))),
				cove);
		assertThat(marked.status()).as(marked.body()).isEqualTo(200);
		assertThat(marked.json().get("members")).hasSize(3);

		String shared = "Themes of belonging. " + names.get(birch) + " spoke about her mother; " + names.get(alder)
				+ " listened.";
		Response note = this.api.post("/api/v1/group-sessions/" + group + "/note",
				Map.of("body", Map.of("themes", shared)), cove);
		assertThat(note.status()).as(note.body()).isEqualTo(201);
		String noteId = note.json().get("id").asString();
		assertThat(this.api.post("/api/v1/notes/" + noteId + "/sign", Map.of(), cove).status()).isEqualTo(200);

		Response naming = this.api.post("/api/v1/group-sessions/" + group + "/members/" + alder + "/entry",
				Map.of("body", "Supported " + names.get(birch) + " warmly"), cove);
		assertThat(naming.status()).as("an entry naming another member is refused").isEqualTo(422);
		assertThat(naming.body()).contains("NAMES_OTHER_MEMBER");
		assertThat(this.api
			.post("/api/v1/group-sessions/" + group + "/members/" + cedar + "/entry", Map.of("body", "Absent"), cove)
			.status()).as("absent members get no entry").isEqualTo(422);
		Response entry = this.api.post("/api/v1/group-sessions/" + group + "/members/" + alder + "/entry",
				Map.of("body", "Spoke of feeling less alone; plans a daily walk."), cove);
		assertThat(entry.status()).as(entry.body()).isEqualTo(201);
		assertThat(entry.json().get("status").asString()).isEqualTo("LOCKED");
		assertThat(this.api
			.post("/api/v1/group-sessions/" + group + "/members/" + birch + "/entry",
					Map.of("body", "Left early, tearful but safe; call booked."), cove)
			.status()).isEqualTo(201);

		// A therapist on Alder's care team only cannot file entries in the circle: the
		// "names another member" refusal would tell them who else is in it.
		assertThat(this.api
			.put("/api/v1/patients/" + alder + "/care-team",
					Map.of("members", List.of(coveId, userId("nurse.bell"), userId("therapist.wren"))), prescriber)
			.status()).isEqualTo(200);
		Response probe = this.api.post("/api/v1/group-sessions/" + group + "/members/" + alder + "/entry",
				Map.of("body", "Sat next to " + names.get(birch)), tokenFor("therapist.wren"));
		assertThat(probe.status()).as("no answer about who else is in the circle").isEqualTo(404);
		assertThat(probe.body()).doesNotContain("NAMES_OTHER_MEMBER");

		// Alder's chart, read by a nurse on Alder's care team only and by the
		// facilitator.
		for (String reader : List.of("nurse.bell", "therapist.cove", "dr.quill")) {
			String token = tokenFor(reader);
			String chart = this.api.get("/api/v1/patients/" + alder + "/notes", token).body();
			assertThat(chart).as(reader).contains("less alone");
			assertThat(chart).as(reader)
				.doesNotContain(names.get(birch), names.get(cedar), "Themes of belonging", "Left early");
			assertThat(this.api.get("/api/v1/patients/" + alder + "/notes?q=" + names.get(birch), token).json())
				.as(reader)
				.isEmpty();
		}
		String bell = tokenFor("nurse.bell");
		assertThat(this.api.get("/api/v1/notes/" + noteId, bell).status()).as("the shared note").isEqualTo(404);
		assertThat(this.api.get("/api/v1/group-sessions/" + group, bell).status()).as("the roster").isEqualTo(404);
		assertThat(this.api.get("/api/v1/notes/" + noteId, cove).json().get("body").get("themes").asString())
			.isEqualTo(shared);
		assertThat(this.api.get("/api/v1/group-sessions/" + group, cove).json().get("noteId").asString())
			.isEqualTo(noteId);
	}

}
