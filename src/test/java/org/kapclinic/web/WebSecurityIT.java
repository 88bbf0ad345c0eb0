package org.kapclinic.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class WebSecurityIT extends IntegrationTest {

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void pagesNeedASignInAndTheSignInPageIsOpen() throws Exception {
		HttpResponse<String> patients = get("/patients");
		assertThat(patients.statusCode()).isEqualTo(302);
		assertThat(patients.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));

		HttpResponse<String> login = get("/login");
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.body()).contains("name=\"_csrf\"");
	}

	@Test
	void anHtmxRequestWithoutASessionIsToldToSignInAgain() throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(uri("/patients?q=amb")).header("HX-Request", "true").GET().build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("HX-Redirect")).hasValue("/login");
	}

	@Test
	void pagesCarrySecurityHeaders() throws Exception {
		HttpResponse<String> login = get("/login");

		assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				(csp) -> assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'"));
		assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(login.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((cache) -> assertThat(cache).contains("no-store"));
	}

	@Test
	void pagesAllowNoInlineStyleAndSigningOutClearsTheSite() throws Exception {
		assertThat(get("/login").headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).doesNotContain("unsafe-inline").contains("base-uri 'none'"));

		org.kapclinic.BrowserSession desk = org.kapclinic.BrowserSession.signIn(this.port, "desk.dale", PASSWORD);
		HttpResponse<String> out = desk.post("/patients", "/logout", java.util.Map.of(),
				java.util.Map.of("X-Forwarded-Proto", "https"));
		assertThat(out.statusCode()).isEqualTo(302);
		assertThat(out.headers().firstValue("Clear-Site-Data")).as("over HTTPS (here through the trusted proxy)")
			.hasValueSatisfying((value) -> assertThat(value).contains("\"cookies\"", "\"storage\"", "\"cache\""));
	}

	@Test
	void formPostsWithoutACsrfTokenAreRefused() throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + PASSWORD))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void healthAnswersAnonymouslyWithoutDetails() throws Exception {
		HttpResponse<String> health = get("/actuator/health");

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components").doesNotContain("db");
	}

	@Test
	void theWholeApiIsDocumentedInOpenApi() throws Exception {
		HttpResponse<String> docs = get("/v3/api-docs");

		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.body()).contains("/api/v1/patients/{id}/care-team", "/api/v1/auth/token", "/api/v1/users",
				"/api/v1/audit/verify", "/api/v1/patients/{id}/body-measurements");
	}

	@Test
	void errorsNeverLeakStackTraces() throws Exception {
		String token = tokenFor("admin");
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri("/api/v1/patients"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"givenName\": [1, 2"))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
