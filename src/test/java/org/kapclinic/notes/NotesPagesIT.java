package org.kapclinic.notes;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.BrowserSession;
import org.kapclinic.IntegrationTest;
import org.kapclinic.PatientBrowser;

import static org.assertj.core.api.Assertions.assertThat;

/** The Notes tab, the note page and the patient's journal link, over plain HTTP. */
class NotesPagesIT extends IntegrationTest {

	private static final String SCRIPT = "<script>alert('xss')</script>";

	private String cove;

	private NotesFixtures fixtures;

	private String patient;

	@BeforeEach
	void setUp() {
		this.cove = tokenFor("therapist.cove");
		this.fixtures = new NotesFixtures(this.api, tokenFor("dr.quill"));
		this.patient = this.fixtures.patient("Pagewell", List.of(userId("therapist.cove")));
	}

	@Test
	void scriptInANoteStaysInertOnTheNotePageAndTheChartTab() {
		String id = this.fixtures.signedIntegrationNote(this.patient, SCRIPT + " <b onmouseover=alert(2)>bold</b>",
				this.cove);
		this.api.post("/api/v1/notes/" + id + "/addenda", Map.of("body", "<img src=x onerror=alert(3)>"), this.cove);
		BrowserSession browser = BrowserSession.signIn(this.port, "therapist.cove", PASSWORD);
		for (String page : List.of("/notes/" + id, "/patients/" + this.patient + "/notes")) {
			HttpResponse<String> html = browser.get(page);
			assertThat(html.statusCode()).as(page).isEqualTo(200);
			assertThat(html.body()).as(page)
				.contains("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;")
				.doesNotContain(SCRIPT, "<b onmouseover", "<img src=x");
		}
		assertThat(browser.get("/patients/" + this.patient + "/notes").body()).as("the course timeline lists the note")
			.contains("id=\"course-timeline\"", "Integration · Signed and locked");
		assertThat(BrowserSession.signIn(this.port, "desk.dale", PASSWORD).get("/notes/" + id).statusCode())
			.isEqualTo(403);
	}

	@Test
	void theEditorAutosavesEvenAfterALostAnswerAndSigns() {
		String id = this.fixtures.draft(this.patient, "INTEGRATION", Map.of(), this.cove).json().get("id").asString();
		BrowserSession browser = BrowserSession.signIn(this.port, "therapist.cove", PASSWORD);
		String page = "/notes/" + id;
		assertThat(browser.get(page).body()).contains("id=\"note-form\"", "name=\"f.experiences\"");
		Map<String, String> form = new HashMap<>();
		form.put("version", "0");
		form.put("editorSession", "tab-A");
		form.put("f.experiences", "The room felt");
		HttpResponse<String> first = browser.post(page, page + "/draft", form);
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).contains("Saved", "value=\"1\"", "hx-swap-oob");
		// The answer above never reached the page: it still sends version 0.
		form.put("f.experiences", "The room felt safe and warm");
		assertThat(browser.post(page, page + "/draft", form).statusCode()).isEqualTo(200);
		form.put("editorSession", "tab-B");
		HttpResponse<String> stale = browser.post(page, page + "/draft", form);
		assertThat(stale.statusCode()).as("another window's stale save").isEqualTo(409);
		assertThat(stale.body()).contains("changed in another window");
		assertThat(this.api.get("/api/v1/notes/" + id, this.cove).json().get("body").get("experiences").asString())
			.isEqualTo("The room felt safe and warm");

		HttpResponse<String> signed = browser.post(page, page + "/sign", Map.of());
		assertThat(signed.statusCode()).isEqualTo(302);
		String after = browser.get(page).body();
		assertThat(after).contains("Signed and locked", "The room felt safe and warm", "id=\"addendum-form\"")
			.doesNotContain("id=\"note-form\"");
	}

	@Test
	void thePatientWritesAnIntentionThroughASingleUseLinkAndTheTherapistSeesItBesideTheNote() throws Exception {
		Response issued = this.api.post("/api/v1/patients/" + this.patient + "/journal-links",
				Map.of("kind", "INTENTION"), this.cove);
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		String link = URI.create(issued.json().get("url").asString()).getPath();
		PatientBrowser phone = new PatientBrowser(this.port);
		assertThat(phone.get(link).body()).contains("date of birth");
		assertThat(phone.post(link, link, Map.of("birthDate", "1999-01-01")).body()).contains("does not match");
		assertThat(phone.post(link, link, Map.of("birthDate", "1986-02-03")).statusCode()).isEqualTo(302);
		String write = link + "/write";
		assertThat(phone.get(write).body()).contains("id=\"journal-text\"").doesNotContain("KAP-");
		assertThat(phone.post(write, link + "/draft", Map.of("text", "To meet my fear")).body()).isEqualTo("Saved");
		assertThat(phone.get(write).body()).as("the draft comes back").contains("To meet my fear");
		assertThat(phone.post(write, write, Map.of("text", "To meet my fear with " + SCRIPT)).statusCode())
			.isEqualTo(200);
		assertThat(phone.get(link).statusCode()).as("single use").isEqualTo(410);

		Response entries = this.api.get("/api/v1/patients/" + this.patient + "/journal", this.cove);
		assertThat(entries.json()).hasSize(1);
		assertThat(entries.json().get(0).get("text").asString()).isEqualTo("To meet my fear with " + SCRIPT);
		String prep = this.fixtures.draft(this.patient, "PREPARATION", Map.of(), this.cove).json().get("id").asString();
		String page = BrowserSession.signIn(this.port, "therapist.cove", PASSWORD).get("/notes/" + prep).body();
		assertThat(page).contains("id=\"journal-beside\"", "To meet my fear with &lt;script&gt;", "Intention · ")
			.doesNotContain(SCRIPT, "INTENTION");
	}

}
