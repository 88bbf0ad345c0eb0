package org.kapclinic;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON-over-HTTP client for the API tests. */
public final class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	public ApiClient(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public String token(String username, String password) {
		Response response = post("/api/v1/auth/token", Map.of("username", username, "password", password), null);
		if (response.status() != 200) {
			throw new IllegalStateException("sign-in of " + username + " failed: " + response.body());
		}
		return response.json().get("access_token").asString();
	}

	public Response get(String path, String token) {
		return send(request(path, token).GET());
	}

	public Response post(String path, Object body, String token) {
		return send(request(path, token).POST(json(body)));
	}

	/**
	 * A public (unauthenticated) POST as if from this client address, behind a proxy that
	 * sets X-Forwarded-For.
	 */
	public Response postFrom(String clientAddress, String path, Object body) {
		return send(request(path, null).header("X-Forwarded-For", clientAddress).POST(json(body)));
	}

	/** A POST with one extra header (e.g. a step-up code in X-KAP-OTP). */
	public Response post(String path, Object body, String token, String header, String value) {
		return send(request(path, token).header(header, value).POST(json(body)));
	}

	public Response put(String path, Object body, String token) {
		return send(request(path, token).PUT(json(body)));
	}

	public static String toJson(Object body) {
		return JSON.writeValueAsString(body);
	}

	private HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, application/problem+json");
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	private static HttpRequest.BodyPublisher json(Object body) {
		return HttpRequest.BodyPublishers.ofString((body instanceof String text) ? text : toJson(body));
	}

	private Response send(HttpRequest.Builder builder) {
		try {
			HttpResponse<String> response = this.http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Location").orElse(null), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Status, content type, Location header and body of one response. */
	public record Response(int status, String contentType, String location, String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

}
