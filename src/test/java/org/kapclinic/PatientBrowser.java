package org.kapclinic;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cookie-keeping client that posts forms with their CSRF token, like a patient's phone
 * browser opening a patient link (no account).
 */
public final class PatientBrowser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(this.cookies)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final int port;

	public PatientBrowser(int port) {
		this.port = port;
	}

	public HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Posts the fields to {@code path} with the CSRF token found on {@code page}. */
	public HttpResponse<String> post(String page, String path, Map<String, String> fields) throws Exception {
		Matcher token = CSRF.matcher(get(page).body());
		assertThat(token.find()).as("CSRF token on " + page).isTrue();
		String body = fields.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&", "_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8) + "&",
					""));
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The value of a cookie this browser holds, or null. */
	public String cookie(String name) {
		return BrowserSession.cookie(this.cookies, name);
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
