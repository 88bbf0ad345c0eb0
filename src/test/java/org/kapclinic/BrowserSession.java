package org.kapclinic;

import java.io.IOException;
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

/**
 * A signed-in browser session over plain HTTP (cookies and CSRF tokens), for page tests.
 */
public final class BrowserSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final CookieManager cookies;

	private final HttpClient http;

	private final String base;

	private BrowserSession(int port) {
		this("http://127.0.0.1:" + port, new CookieManager());
	}

	private BrowserSession(String base, CookieManager cookies) {
		this.base = base;
		this.cookies = cookies;
		this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/**
	 * The same browser (its cookies; cookies do not depend on the port) on another app
	 * instance at {@code port}, as a load balancer would send it there.
	 */
	public BrowserSession on(int port) {
		return new BrowserSession("http://127.0.0.1:" + port, this.cookies);
	}

	/** A page's body as lines while they arrive (a server-sent event stream). */
	public HttpResponse<java.util.stream.Stream<String>> lines(String path) {
		try {
			return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
				.header("Accept", "text/event-stream")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofLines());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A browser that has not signed in anywhere. */
	public static BrowserSession anonymous(int port) {
		return new BrowserSession(port);
	}

	public static BrowserSession signIn(int port, String username, String password) {
		BrowserSession session = new BrowserSession(port);
		HttpResponse<String> response = session.post("/login", "/login",
				Map.of("username", username, "password", password));
		if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("sign-in of " + username + " failed");
		}
		return session;
	}

	/** A patient signed in to the portal with the portal's own form. */
	public static BrowserSession portalSignIn(int port, String email, String password, String code) {
		BrowserSession session = new BrowserSession(port);
		HttpResponse<String> response = session.post("/portal/login", "/portal/login",
				Map.of("email", email, "password", password, "code", code));
		if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("portal sign-in of " + email + " failed");
		}
		return session;
	}

	/** The value of a cookie this session holds, or null. */
	public String cookie(String name) {
		return cookie(this.cookies, name);
	}

	/** The value of a cookie a cookie manager holds, or null. */
	static String cookie(CookieManager cookies, String name) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(java.net.HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	/** A page asked for with extra headers (e.g. Accept-Language). */
	public HttpResponse<String> get(String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
		headers.forEach(request::header);
		return send(request.GET());
	}

	public HttpResponse<String> get(String path) {
		// As a browser asks: pages, not JSON (error pages answer by what is accepted).
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			.GET());
	}

	/**
	 * Posts a form from {@code formPage}, with the CSRF token that page carries and the
	 * page as referrer, as a browser sends it.
	 */
	public HttpResponse<String> post(String formPage, String path, Map<String, String> fields) {
		return post(formPage, path, fields, this.base + formPage);
	}

	/** The same with another referrer (null: none). */
	/** The same with extra request headers (e.g. what a TLS proxy adds). */
	public HttpResponse<String> post(String formPage, String path, Map<String, String> fields,
			Map<String, String> headers) {
		this.extraHeaders = headers;
		try {
			return post(formPage, path, fields, this.base + formPage);
		}
		finally {
			this.extraHeaders = Map.of();
		}
	}

	private Map<String, String> extraHeaders = Map.of();

	public HttpResponse<String> post(String formPage, String path, Map<String, String> fields, String referer) {
		Matcher token = CSRF.matcher(get(formPage).body());
		if (!token.find()) {
			throw new IllegalStateException("no CSRF token on " + formPage);
		}
		String body = fields.entrySet()
			.stream()
			.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&", "_csrf=" + encode(token.group(1)) + "&", ""));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (referer != null) {
			request.header("Referer", referer);
		}
		this.extraHeaders.forEach(request::header);
		return send(request);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
