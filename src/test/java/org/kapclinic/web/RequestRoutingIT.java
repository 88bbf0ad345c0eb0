package org.kapclinic.web;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing with the path-first mapping ({@link PathFirstRequestMapping}): patterned paths
 * still reach their handlers, and near misses still get Spring's 404, 405 and 415.
 */
class RequestRoutingIT extends IntegrationTest {

	@Test
	void patternedPathsReachTheirHandlersAndNearMissesAreAnsweredAsBefore() {
		String token = tokenFor("dr.quill");
		UUID unknown = UUID.randomUUID();

		// A patterned path reaches its handler: the handler's own 404 problem.
		Response missing = this.api.get("/api/v1/dosing-sessions/" + unknown, token);
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.json().path("detail").asText()).isEqualTo("DosingSession not found");

		// The path exists for POST only: 405, from Spring's partial-match pass.
		assertThat(this.api.get("/api/v1/dosing-sessions/" + unknown + "/vitals", token).status()).isEqualTo(405);

		// No mapping under the prefix at all: 404.
		assertThat(this.api.get("/api/v1/dosing-sessions/" + unknown + "/no-such-thing", token).status())
			.isEqualTo(404);

		// A plain path under a prefix shared with patterned ones still resolves.
		assertThat(this.api.get("/api/v1/ping", token).status()).isEqualTo(200);
	}

	@Test
	void headIsAnsweredByGetMappingsAndAWrongMethodStaysA405() throws Exception {
		String token = tokenFor("dr.quill");
		java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
		java.net.http.HttpResponse<Void> head = http.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/api/v1/dosing-sessions/board"))
			.header("Authorization", "Bearer " + token)
			.method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())
			.build(), java.net.http.HttpResponse.BodyHandlers.discarding());
		assertThat(head.statusCode()).isEqualTo(200);
		Response post = this.api.post("/api/v1/dosing-sessions/board", java.util.Map.of(), token);
		assertThat(post.status()).as("the path takes GET only").isEqualTo(405);
	}

}
