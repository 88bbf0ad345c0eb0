package org.kapclinic.notes;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kapclinic.ApiClient;
import org.kapclinic.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** Fictional patients with a care team, and note bodies, for the notes tests. */
final class NotesFixtures {

	private final ApiClient api;

	private final String prescriber;

	NotesFixtures(ApiClient api, String prescriber) {
		this.api = api;
		this.prescriber = prescriber;
	}

	/** A new patient whose care team is exactly these users. */
	String patient(String family, List<UUID> careTeam) {
		Response created = this.api.post(
				"/api/v1/patients", Map.of("givenName", "Notey", "familyName",
						family + UUID.randomUUID().toString().substring(0, 6), "birthDate", "1986-02-03"),
				this.prescriber);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		Response team = this.api.put("/api/v1/patients/" + id + "/care-team",
				Map.of("members", careTeam.stream().map(UUID::toString).toList()), this.prescriber);
		assertThat(team.status()).as(team.body()).isEqualTo(200);
		return id;
	}

	Response draft(String patient, String type, Map<String, String> body, String token) {
		return this.api.post("/api/v1/patients/" + patient + "/notes", Map.of("type", type, "body", body), token);
	}

	String signedIntegrationNote(String patient, String text, String token) {
		Response draft = draft(patient, "INTEGRATION", Map.of("experiences", text, "insights", "Fictional insight"),
				token);
		assertThat(draft.status()).as(draft.body()).isEqualTo(201);
		String id = draft.json().get("id").asString();
		Response signed = this.api.post("/api/v1/notes/" + id + "/sign", Map.of(), token);
		assertThat(signed.status()).as(signed.body()).isEqualTo(200);
		return id;
	}

}
