package org.kapclinic.notes;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The note lifecycle and who sees what, over HTTP against the real database. */
class NotesIT extends IntegrationTest {

	private String prescriber;

	private String cove;

	private NotesFixtures fixtures;

	private String patient;

	@BeforeEach
	void setUp() {
		this.prescriber = tokenFor("dr.quill");
		this.cove = tokenFor("therapist.cove");
		this.fixtures = new NotesFixtures(this.api, this.prescriber);
		this.patient = this.fixtures.patient("Lifecycle",
				List.of(userId("therapist.cove"), userId("therapist.wren"), userId("nurse.bell")));
	}

	@Test
	void draftSignAddendumAndEditAfterSignRefused() {
		Response draft = this.fixtures.draft(this.patient, "INTEGRATION",
				Map.of("experiences", "Felt held by the music", "homework", "Walk daily"), this.cove);
		assertThat(draft.status()).as(draft.body()).isEqualTo(201);
		assertThat(draft.location()).startsWith("/api/v1/notes/");
		String id = draft.json().get("id").asString();
		assertThat(draft.json().get("status").asString()).isEqualTo("DRAFT");
		assertThat(draft.json().get("version").asInt()).isZero();

		Response saved = this.api.put(
				"/api/v1/notes/" + id, Map.of("body",
						Map.of("experiences", "Felt held by the music", "insights", "Grief is love"), "version", 0),
				this.cove);
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(saved.json().get("version").asInt()).isEqualTo(1);
		assertThat(saved.json().get("body").get("homework")).as("a save replaces the body").isNull();

		Response signed = this.api.post("/api/v1/notes/" + id + "/sign", Map.of(), this.cove);
		assertThat(signed.status()).as(signed.body()).isEqualTo(200);
		assertThat(signed.json().get("status").asString()).isEqualTo("LOCKED");
		assertThat(signed.json().get("contentHash").asString()).hasSize(64);
		assertThat(signed.json().get("signedAt").isNull()).isFalse();

		Response edit = this.api.put("/api/v1/notes/" + id,
				Map.of("body", Map.of("experiences", "changed afterwards"), "version", 2), this.cove);
		assertThat(edit.status()).isEqualTo(409);
		assertThat(this.api.post("/api/v1/notes/" + id + "/sign", Map.of(), this.cove).status()).isEqualTo(409);

		Response addendum = this.api.post("/api/v1/notes/" + id + "/addenda",
				Map.of("body", "Patient called: the walk helped."), this.cove);
		assertThat(addendum.status()).as(addendum.body()).isEqualTo(201);
		assertThat(addendum.json().get("addenda")).hasSize(1);
		assertThat(addendum.json().get("addenda").get(0).get("contentHash").asString()).hasSize(64);
		Response read = this.api.get("/api/v1/notes/" + id, tokenFor("nurse.bell"));
		assertThat(read.json().get("body").get("experiences").asString()).isEqualTo("Felt held by the music");
		assertThat(read.json().get("contentHash").asString()).isEqualTo(signed.json().get("contentHash").asString());
		assertThat(auditCount(UUID.fromString(this.patient), "READ")).isPositive();
	}

	@Test
	void badInputIsRefusedWithFieldErrorsAndNothingSaved() {
		Response unknownField = this.fixtures.draft(this.patient, "INTEGRATION", Map.of("mood", "fine"), this.cove);
		assertThat(unknownField.status()).isEqualTo(400);
		assertThat(unknownField.body()).contains("body.mood");
		Response tooLong = this.fixtures.draft(this.patient, "PREPARATION", Map.of("intentions", "x".repeat(20001)),
				this.cove);
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.body()).contains("body.intentions", "at most 20000");
		Response unknownType = this.fixtures.draft(this.patient, "POEM", Map.of(), this.cove);
		assertThat(unknownType.status()).isEqualTo(400);
		Map<String, Object> future = new HashMap<>();
		future.put("type", "PROGRESS_SOAP");
		future.put("body", Map.of("subjective", "ok"));
		future.put("noteDate", LocalDate.now().plusDays(3).toString());
		assertThat(this.api.post("/api/v1/patients/" + this.patient + "/notes", future, this.cove).status())
			.isEqualTo(400);
		assertThat(this.api.get("/api/v1/patients/" + this.patient + "/notes", this.cove).json()).isEmpty();
	}

	@Test
	void aDosingSessionNoteKeepsItsSessionIdForTheTimeline() {
		String session = UUID.randomUUID().toString();
		Response note = this.api.post("/api/v1/patients/" + this.patient + "/notes", Map.of("type", "DOSING_SESSION",
				"body", Map.of("sessionSummary", "Calm; music helped"), "dosingSessionId", session), this.cove);
		assertThat(note.status()).as(note.body()).isEqualTo(201);
		Response read = this.api.get("/api/v1/notes/" + note.json().get("id").asString(), this.cove);
		assertThat(read.json().get("dosingSessionId").asString()).isEqualTo(session);
		assertThat(read.json().get("timeline")).as("an unknown session has no timeline").isEmpty();
		assertThat(this.api
			.post("/api/v1/patients/" + this.patient + "/notes",
					Map.of("type", "INTEGRATION", "body", Map.of(), "dosingSessionId", session), this.cove)
			.status()).isEqualTo(400);
	}

	@Test
	void lateEntriesShowTheirNoteDate() {
		Map<String, Object> late = new HashMap<>();
		late.put("type", "PROGRESS_DAP");
		late.put("body", Map.of("data", "Session last week"));
		late.put("noteDate", LocalDate.now().minusDays(6).toString());
		Response created = this.api.post("/api/v1/patients/" + this.patient + "/notes", late, this.cove);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("lateEntry").asBoolean()).isTrue();
		assertThat(created.json().get("noteDate").asString()).isEqualTo(LocalDate.now().minusDays(6).toString());
		Response today = this.fixtures.draft(this.patient, "PROGRESS_DAP", Map.of("data", "today"), this.cove);
		assertThat(today.json().get("lateEntry").asBoolean()).isFalse();
	}

	@Test
	void autosaveSurvivesADroppedResponseButNotAnotherEditor() {
		String id = this.fixtures.draft(this.patient, "PREPARATION", Map.of("intentions", "To"), this.cove)
			.json()
			.get("id")
			.asString();
		// The browser's first save reaches the server, but its answer (the new version)
		// is
		// lost: the page still believes it edits version 0.
		Response lost = this.api.put("/api/v1/notes/" + id,
				Map.of("body", Map.of("intentions", "To rest"), "version", 0, "editorSession", "tab-1"), this.cove);
		assertThat(lost.status()).isEqualTo(200);
		Response next = this.api.put("/api/v1/notes/" + id,
				Map.of("body", Map.of("intentions", "To rest and to listen"), "version", 0, "editorSession", "tab-1"),
				this.cove);
		assertThat(next.status()).as("the same editor's next save still lands").isEqualTo(200);
		assertThat(next.json().get("version").asInt()).isEqualTo(2);

		Response otherTab = this.api.put("/api/v1/notes/" + id,
				Map.of("body", Map.of("intentions", "older text"), "version", 1, "editorSession", "tab-2"), this.cove);
		assertThat(otherTab.status()).isEqualTo(409);
		assertThat(otherTab.json().get("currentVersion").asInt()).isEqualTo(2);
		assertThat(this.api.get("/api/v1/notes/" + id, this.cove).json().get("body").get("intentions").asString())
			.isEqualTo("To rest and to listen");
	}

	@Test
	void aSupervisedClinicianWaitsForTheCoSignature() {
		String admin = tokenFor("admin");
		UUID wren = userId("therapist.wren");
		assertThat(this.api
			.put("/api/v1/staff/" + userId("therapist.cove") + "/supervisor", Map.of("supervisorId", wren), admin)
			.status()).isEqualTo(204);
		try {
			String id = this.fixtures
				.draft(this.patient, "PROGRESS_SOAP", Map.of("subjective", "Better sleep"), this.cove)
				.json()
				.get("id")
				.asString();
			Response signed = this.api.post("/api/v1/notes/" + id + "/sign", Map.of(), this.cove);
			assertThat(signed.json().get("status").asString()).isEqualTo("SIGNED");
			assertThat(signed.json().get("cosignerId").asString()).isEqualTo(wren.toString());
			assertThat(this.api.post("/api/v1/notes/" + id + "/cosign", Map.of(), this.cove).status())
				.as("not by the author")
				.isEqualTo(403);
			assertThat(this.api.post("/api/v1/notes/" + id + "/cosign", Map.of(), this.prescriber).status())
				.as("not by another clinician")
				.isEqualTo(403);
			Response cosigned = this.api.post("/api/v1/notes/" + id + "/cosign", Map.of(), tokenFor("therapist.wren"));
			assertThat(cosigned.status()).as(cosigned.body()).isEqualTo(200);
			assertThat(cosigned.json().get("status").asString()).isEqualTo("LOCKED");
			assertThat(cosigned.json().get("cosignedAt").isNull()).isFalse();
		}
		finally {
			Map<String, Object> none = new HashMap<>();
			none.put("supervisorId", null);
			this.api.put("/api/v1/staff/" + userId("therapist.cove") + "/supervisor", none, admin);
		}
	}

	@Test
	void aVoidedNoteLeavesTheChartButStaysVisibleToAdmin() {
		String id = this.fixtures.signedIntegrationNote(this.patient, "Wrong chart", this.cove);
		assertThat(this.api.post("/api/v1/notes/" + id + "/void", Map.of("reason", ""), this.cove).status())
			.isEqualTo(400);
		assertThat(this.api.post("/api/v1/notes/" + id + "/void", Map.of("reason", "x"), tokenFor("therapist.wren"))
			.status()).as("not another therapist's").isEqualTo(403);
		Response voided = this.api.post("/api/v1/notes/" + id + "/void", Map.of("reason", "entered on the wrong chart"),
				this.cove);
		assertThat(voided.status()).as(voided.body()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/notes/" + id, this.cove).status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/patients/" + this.patient + "/notes", this.prescriber).json()).isEmpty();
		Response asAdmin = this.api.get("/api/v1/patients/" + this.patient + "/notes", tokenFor("admin"));
		assertThat(asAdmin.json()).hasSize(1);
		assertThat(asAdmin.json().get(0).get("voidReason").asString()).isEqualTo("entered on the wrong chart");
		assertThat(this.jdbc.sql("select count(*) from notes.note where id = ?::uuid")
			.param(id)
			.query(Long.class)
			.single()).as("never deleted").isEqualTo(1);
	}

	@Test
	void accessPerRoleAndPrivateProcessNotes() {
		String outsider = this.fixtures.patient("Outsider", List.of(userId("therapist.wren")));
		assertThat(this.fixtures.draft(outsider, "PROGRESS_SOAP", Map.of("subjective", "x"), this.cove).status())
			.as("not on the care team")
			.isEqualTo(404);
		String desk = tokenFor("desk.dale");
		assertThat(this.api.get("/api/v1/patients/" + this.patient + "/notes", desk).status()).isEqualTo(403);
		String shared = this.fixtures.signedIntegrationNote(this.patient, "Shared with the team", this.cove);
		assertThat(this.api.get("/api/v1/notes/" + shared, desk).status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/notes/" + shared, tokenFor("nurse.fern")).status())
			.as("a nurse off the care team")
			.isEqualTo(404);
		assertThat(this.api
			.post("/api/v1/patients/" + this.patient + "/notes",
					Map.of("type", "PROGRESS_SOAP", "body", Map.of("subjective", "x")), tokenFor("admin"))
			.status()).as("administrators read, clinicians write").isEqualTo(403);

		Map<String, Object> request = new HashMap<>();
		request.put("type", "INTEGRATION");
		request.put("body", Map.of("experiences", "Process: my countertransference about the father"));
		request.put("privateProcessNote", true);
		Response privateNote = this.api.post("/api/v1/patients/" + this.patient + "/notes", request, this.cove);
		assertThat(privateNote.status()).as(privateNote.body()).isEqualTo(201);
		String id = privateNote.json().get("id").asString();
		assertThat(this.api.get("/api/v1/notes/" + id, this.cove).status()).isEqualTo(200);
		for (String reader : List.of("therapist.wren", "nurse.bell", "dr.quill", "admin")) {
			String token = tokenFor(reader);
			assertThat(this.api.get("/api/v1/notes/" + id, token).status()).as(reader).isEqualTo(404);
			Response list = this.api.get("/api/v1/patients/" + this.patient + "/notes?q=countertransference", token);
			assertThat(list.json()).as(reader).isEmpty();
			assertThat(this.api.get("/api/v1/patients/" + this.patient + "/notes", token).body()).as(reader)
				.doesNotContain("countertransference");
		}
		assertThat(this.api.get("/api/v1/patients/" + this.patient + "/notes?q=countertransference", this.cove).json())
			.hasSize(1);
		assertThat(this.jdbc.sql("""
				select count(*) from audit.entry where resource_id = ? and data_category = 'PSYCHOTHERAPY_NOTE'""")
			.param(id)
			.query(Long.class)
			.single()).as("audited under its own category").isGreaterThanOrEqualTo(2);
		Map<String, Object> byNurse = new HashMap<>(request);
		assertThat(
				this.api.post("/api/v1/patients/" + this.patient + "/notes", byNurse, tokenFor("nurse.bell")).status())
			.isEqualTo(400);
	}

	@Test
	void searchByTextTypeDateAndAuthor() {
		this.fixtures.signedIntegrationNote(this.patient, "The ocean returned as an image", this.cove);
		this.fixtures.draft(this.patient, "PREPARATION", Map.of("intentions", "Meet the ocean 100% calmly"),
				tokenFor("therapist.wren"));
		this.fixtures.draft(this.patient, "PROGRESS_SOAP", Map.of("subjective", "Slept well"), this.cove);
		String base = "/api/v1/patients/" + this.patient + "/notes";
		assertThat(this.api.get(base + "?q=OCEAN", this.cove).json()).hasSize(2);
		assertThat(this.api.get(base + "?q=ocean&type=INTEGRATION", this.cove).json()).hasSize(1);
		assertThat(this.api.get(base + "?q=100%25", this.cove).json()).as("% is literal").hasSize(1);
		assertThat(this.api.get(base + "?q=_", this.cove).json()).as("_ is literal").isEmpty();
		assertThat(this.api.get(base + "?authorId=" + userId("therapist.wren"), this.cove).json()).hasSize(1);
		String today = LocalDate.now().toString();
		assertThat(this.api.get(base + "?from=" + today + "&to=" + today, this.cove).json()).hasSize(3);
		assertThat(this.api.get(base + "?to=" + LocalDate.now().minusDays(1), this.cove).json()).isEmpty();
	}

}
