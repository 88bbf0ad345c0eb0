package org.kapclinic.identity;

import java.io.IOException;
import java.time.Clock;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.core.Ordered;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a browser session that is too old or idle, before anything reads it: after
 * {@code kap.security.session-max-lifetime} from sign-in whatever happens (ASVS 7.3.2),
 * or after {@code kap.security.session-idle-timeout} without a request of the person's
 * own (ONC 170.315(d)(5)). The floor board's polls and its event stream are not the
 * person's own requests: a board left open on a screen must not keep a session signed in
 * forever, so they neither count as activity nor escape the check. The session store's
 * own timeout is the absolute lifetime; this filter runs right after the store's filter.
 */
@Component
class SessionLifetime extends OncePerRequestFilter implements Ordered {

	/** When the person last made a request of their own (epoch milliseconds). */
	static final String ACTIVE_AT = "kap.activeAt";

	/** Requests a page makes by itself on a timer. */
	private static final Set<String> PASSIVE = Set.of("/dosing/board/rows", "/dosing/board/events");

	/** Activity is written at most this often, not on every request (milliseconds). */
	private static final long ACTIVITY_RESOLUTION = 5_000;

	private final IdentitySettings settings;

	private final Clock clock;

	SessionLifetime(IdentitySettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public int getOrder() {
		return SessionRepositoryFilter.DEFAULT_ORDER + 1;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null) {
			long now = this.clock.millis();
			Object stamp = session.getAttribute(ACTIVE_AT);
			long activeAt = (stamp instanceof Long at) ? at : session.getCreationTime();
			if (now - session.getCreationTime() > this.settings.sessionMaxLifetime().toMillis()
					|| now - activeAt > this.settings.sessionIdleTimeout().toMillis()) {
				session.invalidate();
			}
			else if (!PASSIVE.contains(request.getRequestURI()) && now - activeAt >= ACTIVITY_RESOLUTION) {
				session.setAttribute(ACTIVE_AT, now);
			}
		}
		chain.doFilter(request, response);
	}

}
