package org.kapclinic.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored last-access time moves only once a minute old, so a page view that changes
 * nothing in its session writes nothing (issue 16's budget for database sessions);
 * everything else reaches the store.
 */
class SessionAccessThrottleTests {

	private static final Instant SIGNED_IN = Instant.now().minusSeconds(1);

	@Test
	void theLastAccessMovesOnlyOnceAMinuteOld() {
		MapSessionRepository sessions = new MapSessionRepository(new java.util.HashMap<>());
		MapSession stored = sessions.createSession();
		stored.setLastAccessedTime(SIGNED_IN);
		sessions.save(stored);
		Session seen = throttled(sessions).findById(stored.getId());

		seen.setLastAccessedTime(SIGNED_IN.plus(Duration.ofSeconds(59)));
		assertThat(seen.getLastAccessedTime()).isEqualTo(SIGNED_IN);
		seen.setLastAccessedTime(SIGNED_IN.plus(SessionAccessThrottle.RESOLUTION));
		assertThat(seen.getLastAccessedTime()).isEqualTo(SIGNED_IN.plus(SessionAccessThrottle.RESOLUTION));
	}

	@Test
	void attributesAndSavesReachTheStore() {
		MapSessionRepository sessions = new MapSessionRepository(new java.util.HashMap<>());
		MapSession stored = sessions.createSession();
		sessions.save(stored);
		FindByIndexNameSessionRepository<Session> repository = throttled(sessions);
		Session seen = repository.findById(stored.getId());
		seen.setAttribute("kap.activeAt", 42L);
		repository.save(seen);

		assertThat((Long) sessions.findById(stored.getId()).getAttribute("kap.activeAt")).isEqualTo(42L);
		assertThat(repository.findById("no-such-session")).isNull();
	}

	/** The throttle around a map store that answers like the JDBC one. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static FindByIndexNameSessionRepository<Session> throttled(MapSessionRepository sessions) {
		return new SessionAccessThrottle.Throttling(new Indexed(sessions));
	}

	/** A map store with the index lookup the JDBC store has (none needed here). */
	private record Indexed(MapSessionRepository sessions) implements FindByIndexNameSessionRepository<MapSession> {

		@Override
		public MapSession createSession() {
			return this.sessions.createSession();
		}

		@Override
		public void save(MapSession session) {
			this.sessions.save(session);
		}

		@Override
		public MapSession findById(String id) {
			return this.sessions.findById(id);
		}

		@Override
		public void deleteById(String id) {
			this.sessions.deleteById(id);
		}

		@Override
		public Map<String, MapSession> findByIndexNameAndIndexValue(String name, String value) {
			return Map.of();
		}

	}

}
