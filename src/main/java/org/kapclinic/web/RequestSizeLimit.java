package org.kapclinic.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose declared body is larger than {@code kap.web.max-request-size}
 * with 413 and an RFC 9457 problem, before sign-in or any parsing. A body sent without a
 * length (chunked) is cut off by Tomcat's own limits on swallowed and form bodies.
 */
@Component
class RequestSizeLimit extends OncePerRequestFilter implements Ordered {

	private final long maxBytes;

	RequestSizeLimit(WebSettings settings) {
		this.maxBytes = settings.maxRequestSize().toBytes();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.maxBytes) {
			response.setStatus(413);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setHeader("Connection", "close");
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Request too large\",\"status\":413,"
						+ "\"detail\":\"The request body is larger than " + this.maxBytes
						+ " bytes; nothing was read or saved.\"}");
			return;
		}
		chain.doFilter(request, response);
	}

}
