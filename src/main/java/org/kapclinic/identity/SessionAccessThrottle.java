package org.kapclinic.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * The session store with its last-access time written at most once a minute instead of on
 * every request. Spring Session writes it on each request so that the store can expire
 * idle sessions; here the store keeps a session for its absolute lifetime
 * ({@code kap.security.session-max-lifetime}, 12 h) and {@link SessionLifetime} ends idle
 * ones from its own activity stamp, so a minute's precision in the store costs nothing,
 * and a page view that changes nothing in its session no longer writes to the database
 * (issue 16's budget: the database session adds less than 2 ms to a page).
 */
@Component
class SessionAccessThrottle implements BeanPostProcessor {

	/** How stale the stored last-access time may get. */
	static final Duration RESOLUTION = Duration.ofMinutes(1);

	/** Wraps the store that Spring Boot's session configuration makes. */
	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		return (bean instanceof JdbcIndexedSessionRepository store) ? new Throttling(store) : bean;
	}

	/** The JDBC store, passing on every call but the last-access time's moves. */
	static final class Throttling implements FindByIndexNameSessionRepository<Session> {

		/**
		 * Spring Session's JDBC store, typed by its interface: its session class is not
		 * public, so it cannot be named here.
		 */
		private final FindByIndexNameSessionRepository<Session> store;

		@SuppressWarnings({ "unchecked", "rawtypes" })
		Throttling(FindByIndexNameSessionRepository<? extends Session> store) {
			this.store = (FindByIndexNameSessionRepository) store;
		}

		@Override
		public Session createSession() {
			return this.store.createSession();
		}

		@Override
		public void save(Session session) {
			this.store.save((session instanceof Throttled throttled) ? throttled.stored : session);
		}

		@Override
		public Session findById(String id) {
			Session found = this.store.findById(id);
			return (found != null) ? new Throttled(found) : null;
		}

		@Override
		public void deleteById(String id) {
			this.store.deleteById(id);
		}

		@Override
		public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			return this.store.findByIndexNameAndIndexValue(indexName, indexValue);
		}

		/** A stored session whose last-access time moves only when a minute old. */
		private static final class Throttled implements Session {

			private final Session stored;

			Throttled(Session stored) {
				this.stored = stored;
			}

			@Override
			public void setLastAccessedTime(Instant time) {
				if (Duration.between(this.stored.getLastAccessedTime(), time).compareTo(RESOLUTION) >= 0) {
					this.stored.setLastAccessedTime(time);
				}
			}

			@Override
			public String getId() {
				return this.stored.getId();
			}

			@Override
			public String changeSessionId() {
				return this.stored.changeSessionId();
			}

			@Override
			public <T> T getAttribute(String name) {
				return this.stored.getAttribute(name);
			}

			@Override
			public Set<String> getAttributeNames() {
				return this.stored.getAttributeNames();
			}

			@Override
			public void setAttribute(String name, Object value) {
				this.stored.setAttribute(name, value);
			}

			@Override
			public void removeAttribute(String name) {
				this.stored.removeAttribute(name);
			}

			@Override
			public Instant getCreationTime() {
				return this.stored.getCreationTime();
			}

			@Override
			public Instant getLastAccessedTime() {
				return this.stored.getLastAccessedTime();
			}

			@Override
			public void setMaxInactiveInterval(Duration interval) {
				this.stored.setMaxInactiveInterval(interval);
			}

			@Override
			public Duration getMaxInactiveInterval() {
				return this.stored.getMaxInactiveInterval();
			}

			@Override
			public boolean isExpired() {
				return this.stored.isExpired();
			}

		}

	}

}
