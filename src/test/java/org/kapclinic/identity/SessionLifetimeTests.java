package org.kapclinic.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two ends of a browser session at their boundaries: the idle timeout (ONC
 * 170.315(d)(5) automatic access time-out; 15 min by default) and the absolute lifetime
 * (ASVS 7.3.2; 12 h by default), and the floor board's polls that count as neither.
 */
class SessionLifetimeTests {

	private static final Instant SIGNED_IN = Instant.parse("2026-12-04T08:00:00Z");

	private final IdentitySettings settings = new IdentitySettings(null, null, null, null, null, null, null, null, null,
			null, null, null, null);

	@Test
	void aSessionIdleFifteenMinutesExactlyLivesAndOneMillisecondMoreEnds() throws Exception {
		MockHttpSession session = session();
		assertThat(request(session, "/patients", SIGNED_IN.plus(Duration.ofMinutes(15))).isInvalid()).isFalse();

		MockHttpSession other = session();
		assertThat(request(other, "/patients", SIGNED_IN.plus(Duration.ofMinutes(15)).plusMillis(1)).isInvalid())
			.isTrue();
	}

	@Test
	void thePersonsOwnRequestsKeepItAliveButTheBoardsPollsDoNot() throws Exception {
		MockHttpSession session = session();
		request(session, "/patients", SIGNED_IN.plus(Duration.ofMinutes(10)));
		assertThat(request(session, "/patients", SIGNED_IN.plus(Duration.ofMinutes(24))).isInvalid())
			.as("14 min after the last page")
			.isFalse();

		MockHttpSession board = session();
		for (int minute = 1; minute <= 15; minute++) {
			request(board, "/dosing/board/rows", SIGNED_IN.plus(Duration.ofMinutes(minute)));
		}
		assertThat(
				request(board, "/dosing/board/rows", SIGNED_IN.plus(Duration.ofMinutes(15)).plusSeconds(1)).isInvalid())
			.as("a board left open polls every few seconds and still ends")
			.isTrue();
	}

	@Test
	void aBusySessionEndsTwelveHoursAfterSignIn() throws Exception {
		MockHttpSession session = session();
		for (int minute = 10; minute < 12 * 60; minute += 10) {
			request(session, "/patients", SIGNED_IN.plus(Duration.ofMinutes(minute)));
		}
		assertThat(session.isInvalid()).isFalse();
		assertThat(request(session, "/patients", SIGNED_IN.plus(Duration.ofHours(12)).plusMillis(1)).isInvalid())
			.isTrue();
	}

	private MockHttpSession session() {
		return new MockHttpSession() {
			@Override
			public long getCreationTime() {
				return SIGNED_IN.toEpochMilli();
			}
		};
	}

	private MockHttpSession request(MockHttpSession session, String path, Instant at) throws Exception {
		if (session.isInvalid()) {
			return session;
		}
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setSession(session);
		new SessionLifetime(this.settings, Clock.fixed(at, ZoneOffset.UTC)).doFilter(request,
				new MockHttpServletResponse(), new MockFilterChain());
		return session;
	}

}
