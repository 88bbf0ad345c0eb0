package org.kapclinic.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, in the log (the structured log's {@code requestId} field,
 * issue 17) and in the {@code X-Request-Id} response header, so a user's report ("it
 * failed at 10:02, id …") leads to the log lines of that request and nothing else. An id
 * sent by the proxy in {@code X-Request-Id} is kept when it looks like one (letters,
 * digits, dashes; at most 64), so the proxy's log and ours line up; anything else is
 * replaced, so a caller cannot write into the log through it.
 */
@Component
class RequestIds extends OncePerRequestFilter implements Ordered {

	static final String HEADER = "X-Request-Id";

	static final String MDC_KEY = "requestId";

	private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9-]{8,64}");

	/**
	 * A random (version 4) UUID from a thread's own generator: an id names a request in
	 * the log and need not be unguessable, so it does not wait on the shared secure
	 * random source every request.
	 */
	static String newId() {
		java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
		long high = (random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(high, low).toString();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String sent = request.getHeader(HEADER);
		String id = (sent != null && ACCEPTED.matcher(sent).matches()) ? sent : newId();
		response.setHeader(HEADER, id);
		MDC.put(MDC_KEY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

}
