package org.kapclinic.identity;

import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ends a staff member's access at once, everywhere: their browser sessions are deleted
 * from the session table (every app instance reads it on the next request), their API
 * tokens are revoked, and {@link AccessEnded} tells other modules to end what they issued
 * (calendar feeds).
 */
@Component
class SessionRevocation {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final ApiTokens tokens;

	private final ApplicationEventPublisher events;

	SessionRevocation(FindByIndexNameSessionRepository<? extends Session> sessions, ApiTokens tokens,
			ApplicationEventPublisher events) {
		this.sessions = sessions;
		this.tokens = tokens;
		this.events = events;
	}

	/** Every session and token of the account, the caller's own included. */
	void endAll(UUID userId, String username, AccessEnded.Reason reason) {
		end(userId, username, reason, false);
	}

	/**
	 * Every other session and every token of the account: the person who changed their
	 * own password stays signed in where they did it.
	 */
	void endOthers(UUID userId, String username, AccessEnded.Reason reason) {
		end(userId, username, reason, true);
	}

	private void end(UUID userId, String username, AccessEnded.Reason reason, boolean keepCurrent) {
		HttpSession current = currentSession();
		for (String id : this.sessions.findByPrincipalName(username).keySet()) {
			if (current == null || !id.equals(current.getId())) {
				this.sessions.deleteById(id);
			}
			else if (!keepCurrent) {
				// The request's own session ends through the request, so that the store
				// does not write it back when the response is sent.
				current.invalidate();
			}
		}
		this.tokens.revokeAll(userId);
		this.events.publishEvent(new AccessEnded(userId, reason));
	}

	private static HttpSession currentSession() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return attributes.getRequest().getSession(false);
		}
		return null;
	}

}
