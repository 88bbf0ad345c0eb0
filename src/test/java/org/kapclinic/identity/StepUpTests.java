package org.kapclinic.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page's step-up asks again once the session's second factor is older than
 * {@code kap.security.step-up-validity} (issue 16: "a fresh second factor within 5
 * minutes"); the boundary, with the clock fixed.
 */
class StepUpTests {

	private static final Instant NOW = Instant.parse("2026-12-04T13:00:00Z");

	private final StepUp stepUp = new StepUp(null, null, null,
			new IdentitySettings(null, null, null, null, null, null, null, null, null, null, null, null, null),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void aFactorProvedWithinFiveMinutesIsFreshAndOneOlderIsNot() {
		assertThat(this.stepUp.fresh(signedInWithFactorAt(NOW.minus(Duration.ofMinutes(5)).plusSeconds(1)))).isTrue();
		assertThat(this.stepUp.fresh(signedInWithFactorAt(NOW.minus(Duration.ofMinutes(5)).minusSeconds(1)))).isFalse();
	}

	@Test
	void aPasswordAloneIsNeverFresh() {
		Authentication password = UsernamePasswordAuthenticationToken.authenticated("nurse", null, List.of(
				new SimpleGrantedAuthority("ROLE_NURSE"),
				FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY).issuedAt(NOW).build()));
		assertThat(this.stepUp.fresh(password)).isFalse();
	}

	private static Authentication signedInWithFactorAt(Instant at) {
		return UsernamePasswordAuthenticationToken.authenticated("nurse", null,
				List.of(new SimpleGrantedAuthority("ROLE_NURSE"),
						FactorGrantedAuthority.withAuthority(StepUp.SECOND_FACTOR).issuedAt(at).build()));
	}

}
