package org.kapclinic.web;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a refused form post goes back to: the page the form was on, from the request's
 * {@code Referer}, only when it is this application (same host and port), so a refusal
 * can never redirect elsewhere.
 */
final class FormReturn {

	private static final Pattern PATIENT = Pattern.compile("^/patients/([0-9a-f-]{36})(?:[/?].*)?$");

	private FormReturn() {
	}

	/** The referring page's path and query, for a POST from this application. */
	static Optional<String> back(HttpServletRequest request) {
		String referer = request.getHeader("Referer");
		if (!"POST".equals(request.getMethod()) || referer == null) {
			return Optional.empty();
		}
		try {
			URI from = URI.create(referer);
			int port = (from.getPort() != -1) ? from.getPort() : ("https".equals(from.getScheme()) ? 443 : 80);
			if (from.getHost() == null || !from.getHost().equalsIgnoreCase(request.getServerName())
					|| port != request.getServerPort() || from.getRawPath() == null
					|| !from.getRawPath().startsWith("/")) {
				return Optional.empty();
			}
			return Optional.of(from.getRawPath() + ((from.getRawQuery() != null) ? "?" + from.getRawQuery() : ""));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The patient whose chart the page belongs to, for the refusal's "how to fix" links.
	 */
	static UUID patientId(String path) {
		Matcher chart = PATIENT.matcher(path);
		return chart.matches() ? UUID.fromString(chart.group(1)) : null;
	}

}
