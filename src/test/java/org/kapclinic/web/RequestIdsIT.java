package org.kapclinic.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;

import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request gets an id in the {@code X-Request-Id} header and on its log lines (issue
 * 17): the proxy's id is kept when it looks like one, anything else is replaced, and a
 * failed sign-in's log line carries the id of its request.
 */
class RequestIdsIT extends IntegrationTest {

	/** Set for the test JVM by failsafe (pom.xml). */
	@Value("${logging.file.name}")
	String logFile;

	@Test
	void aRequestsIdIsInItsAnswerAndItsLogLines() throws Exception {
		assertThat(ping("proxy-7f3a-20261204").headers().firstValue("X-Request-Id")).hasValue("proxy-7f3a-20261204");
		assertThat(ping("x\"}{injected").headers().firstValue("X-Request-Id").orElseThrow())
			.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
		assertThat(ping(null).headers().firstValue("X-Request-Id")).isPresent();

		String id = "signin-" + letters() + "-check";
		HttpRequest failed = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.header("X-Request-Id", id)
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"username\":\"nobody." + letters() + "\",\"password\":\"not-a-password\"}"))
			.build();
		assertThat(HttpClient.newHttpClient().send(failed, HttpResponse.BodyHandlers.discarding()).statusCode())
			.isEqualTo(401);
		Instant deadline = Instant.now().plusSeconds(10);
		while (!Files.readString(Path.of(this.logFile)).contains("\"requestId\":\"" + id + "\"")) {
			assertThat(Instant.now()).as("a log line of the failed sign-in with its request id").isBefore(deadline);
			Thread.sleep(Duration.ofMillis(100).toMillis());
		}
	}

	private HttpResponse<Void> ping(String requestId) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health"));
		if (requestId != null) {
			request.header("X-Request-Id", requestId);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding());
	}

}
