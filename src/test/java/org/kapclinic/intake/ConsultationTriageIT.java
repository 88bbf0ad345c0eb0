package org.kapclinic.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Triage safety (issue 14 item 7): a request that names suicidal thoughts is flagged when
 * received and listed first; converting a request runs registration's duplicate check.
 */
class ConsultationTriageIT extends IntegrationTest {

	private static final String PATH = "/api/v1/consultation-requests";

	@Test
	void requestsNamingSuicidalThoughtsAreFlaggedAndListedFirst() {
		String calm = "Calmwick" + UUID.randomUUID().toString().substring(0, 8);
		String ticked = "Tickwick" + UUID.randomUUID().toString().substring(0, 8);
		String written = "Wordwick" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(submit(request(calm, List.of("ANXIETY"), null)).status()).isEqualTo(202);
		assertThat(submit(request(ticked, List.of("DEPRESSION", "SUICIDAL_THOUGHTS"), null)).status()).isEqualTo(202);
		assertThat(submit(request(written, List.of("DEPRESSION"), "Some days I want to die.")).status()).isEqualTo(202);

		List<String> queue = new ArrayList<>();
		Map<String, Boolean> flags = new HashMap<>();
		for (JsonNode request : this.api.get(PATH + "?size=200", tokenFor("desk.dale")).json()) {
			queue.add(request.get("familyName").asString());
			flags.put(request.get("familyName").asString(), request.get("safetyFlag").asBoolean());
		}
		assertThat(flags).containsEntry(calm, false).containsEntry(ticked, true).containsEntry(written, true);
		assertThat(queue.indexOf(ticked)).as("flagged before the older unflagged request")
			.isLessThan(queue.indexOf(calm));
		assertThat(queue.indexOf(written)).isLessThan(queue.indexOf(calm));
		int firstUnflagged = queue.indexOf(queue.stream().filter((name) -> !flags.get(name)).findFirst().orElseThrow());
		assertThat(queue.subList(0, firstUnflagged)).as("every flagged request comes first").contains(ticked, written);
	}

	@Test
	void onlyTheTriageRolesReadTheQueueAPageAtATime() {
		for (String reader : List.of("desk.dale", "dr.quill", "admin")) {
			assertThat(this.api.get(PATH, tokenFor(reader)).status()).as(reader).isEqualTo(200);
		}
		for (String other : List.of("nurse.bell", "therapist.cove")) {
			assertThat(this.api.get(PATH, tokenFor(other)).status()).as("kap.consultation.triage-roles: " + other)
				.isEqualTo(403);
		}
		String desk = tokenFor("desk.dale");
		for (int i = 0; i < 3; i++) {
			submit(request("Pagewick" + UUID.randomUUID().toString().substring(0, 8), List.of("ANXIETY"), null));
		}
		assertThat(this.api.get(PATH + "?size=2", desk).json()).hasSize(2);
		assertThat(this.api.get(PATH + "?size=201", desk).status()).isEqualTo(400);
	}

	@Test
	void convertingAPossibleDuplicateAsksFirst() {
		String family = "Twinwick" + UUID.randomUUID().toString().substring(0, 8);
		String desk = tokenFor("desk.dale");
		submit(request(family, List.of("PTSD"), null));
		submit(request(family, List.of("PTSD"), null));
		List<String> ids = new ArrayList<>();
		for (JsonNode request : this.api.get(PATH + "?size=200", desk).json()) {
			if (request.get("familyName").asString().equals(family)) {
				ids.add(request.get("id").asString());
			}
		}
		assertThat(ids).hasSize(2);
		assertThat(this.api.post(PATH + "/" + ids.get(0) + "/convert", Map.of(), desk).status()).isEqualTo(201);

		Response duplicate = this.api.post(PATH + "/" + ids.get(1) + "/convert", Map.of(), desk);
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.json().get("code").asString()).isEqualTo("POSSIBLE_DUPLICATE");
		assertThat(this.jdbc.sql("select status from intake.consultation_request where id = ?::uuid")
			.param(ids.get(1))
			.query(String.class)
			.single()).as("nothing half-saved").isEqualTo("NEW");

		Response confirmed = this.api.post(PATH + "/" + ids.get(1) + "/convert", Map.of("confirmDuplicate", true),
				desk);
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
	}

	private Response submit(Map<String, Object> body) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return this.api.postFrom("198.51." + random.nextInt(256) + "." + random.nextInt(1, 255), PATH, body);
	}

	private static Map<String, Object> request(String family, List<String> concerns, String message) {
		Map<String, Object> body = new HashMap<>();
		body.put("givenName", "Asker");
		body.put("familyName", family);
		body.put("birthDate", "1986-06-06");
		body.put("email", family.toLowerCase() + "@example.test");
		body.put("concerns", concerns);
		body.put("message", message);
		body.put("consentToContact", true);
		return body;
	}

}
