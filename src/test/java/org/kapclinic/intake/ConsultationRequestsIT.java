package org.kapclinic.intake;

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

class ConsultationRequestsIT extends IntegrationTest {

	private static final String PATH = "/api/v1/consultation-requests";

	@Test
	void aPublicRequestReachesTheTriageQueueAndBecomesAPatient() {
		String family = "Requestwick" + UUID.randomUUID().toString().substring(0, 8);
		Response received = this.api.postFrom(address(), PATH, request(family));
		assertThat(received.status()).isEqualTo(202);
		assertThat(received.json().get("crisis").asString()).contains("988");
		assertThat(this.api.get(PATH, null).status()).as("the queue is for staff").isEqualTo(401);

		String desk = tokenFor("desk.dale");
		JsonNode queued = find(family, desk);
		assertThat(queued.get("status").asString()).isEqualTo("NEW");
		String id = queued.get("id").asString();

		assertThat(status(id, "CONTACTED", null, desk).status()).isEqualTo(200);
		assertThat(status(id, "NEW", null, desk).status()).as("no way back to NEW").isEqualTo(422);
		assertThat(status(id, "CONSULTATION_BOOKED", null, desk).status()).isEqualTo(200);
		Response converted = this.api.post(PATH + "/" + id + "/convert", Map.of(), desk);
		assertThat(converted.status()).isEqualTo(201);
		assertThat(converted.json().get("familyName").asString()).isEqualTo(family);
		assertThat(converted.json().get("birthDate").asString()).isEqualTo("1985-03-03");
		assertThat(converted.json().get("email").asString()).isEqualTo(family.toLowerCase() + "@example.test");

		JsonNode done = this.api.get(PATH + "?status=CONVERTED", desk).json();
		assertThat(done.toString()).contains(family, converted.json().get("id").asString(), "Weekday evenings");
		assertThat(this.api.post(PATH + "/" + id + "/convert", Map.of(), desk).status()).isEqualTo(422);
	}

	@Test
	void conditionsAndDateOfBirthAreAcceptedAsAliases() {
		String family = "Aliaswick" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> body = request(family);
		body.put("conditions", body.remove("concerns"));
		body.put("dateOfBirth", body.remove("birthDate"));

		assertThat(this.api.postFrom(address(), PATH, body).status()).isEqualTo(202);
		assertThat(find(family, tokenFor("desk.dale")).get("concerns").toString()).contains("PTSD");
	}

	@Test
	void decliningNeedsAReason() {
		String family = "Declinewick" + UUID.randomUUID().toString().substring(0, 8);
		this.api.postFrom(address(), PATH, request(family));
		String desk = tokenFor("desk.dale");
		String id = find(family, desk).get("id").asString();

		assertThat(status(id, "DECLINED", " ", desk).status()).isEqualTo(400);
		assertThat(status(id, "DECLINED", "outside our service area", desk).status()).isEqualTo(200);
		assertThat(this.api.get(PATH, desk).body()).doesNotContain(family);
	}

	@Test
	void invalidRequestsGetFieldErrors() {
		Map<String, Object> body = request("Invalidwick");
		body.put("concerns", List.of());
		body.put("email", "");
		body.put("phone", "");
		body.put("consentToContact", false);

		Response response = this.api.postFrom(address(), PATH, body);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("\"field\":\"concerns\"", "\"field\":\"reachable\"",
				"\"field\":\"consentToContact\"");
	}

	@Test
	void theHoneypotLooksAcceptedButStoresNothing() {
		String family = "Botwick" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> body = request(family);
		body.put("website", "http://spam.example");

		assertThat(this.api.postFrom(address(), PATH, body).status()).isEqualTo(202);
		assertThat(this.jdbc.sql("select count(*) from intake.consultation_request where family_name = ?")
			.param(family)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void oneAddressIsRateLimited() {
		String address = address();
		for (int i = 0; i < 5; i++) {
			assertThat(this.api.postFrom(address, PATH, request("Ratewick" + i)).status()).isEqualTo(202);
		}
		Response limited = this.api.postFrom(address, PATH, request("Ratewick6"));
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.contentType()).startsWith("application/problem+json");
		assertThat(this.api.postFrom(address(), PATH, request("Ratewick7")).status()).as("another address")
			.isEqualTo(202);
	}

	private Response status(String id, String status, String reason, String token) {
		Map<String, Object> body = new HashMap<>();
		body.put("status", status);
		body.put("reason", reason);
		return this.api.post(PATH + "/" + id + "/status", body, token);
	}

	private JsonNode find(String family, String token) {
		for (JsonNode request : this.api.get(PATH, token).json()) {
			if (request.get("familyName").asString().equals(family)) {
				return request;
			}
		}
		throw new AssertionError(family + " is not in the queue");
	}

	private static Map<String, Object> request(String family) {
		Map<String, Object> body = new HashMap<>();
		body.put("givenName", "Asker");
		body.put("familyName", family);
		body.put("birthDate", "1985-03-03");
		// Unique like the name: converting checks for possible duplicates by e-mail and
		// phone.
		body.put("email", family.toLowerCase() + "@example.test");
		body.put("concerns", List.of("DEPRESSION", "PTSD"));
		body.put("preferredContactTimes", "Weekday evenings");
		body.put("consentToContact", true);
		return body;
	}

	/** A client address from the documentation range (RFC 5737), unique per call. */
	private static String address() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "198.51." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

}
