package org.kapclinic.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in policy ({@code kap.security.*}). Defaults follow OWASP ASVS L2 and the issue's
 * acceptance criteria.
 *
 * @param maxFailedAttempts failures within {@code failureWindow} that lock an account (5)
 * @param failureWindow how far back failures count, and how long a lock lasts (15 min)
 * @param tokenLifetime API bearer token lifetime (1 h)
 * @param minPasswordLength minimum password length (12)
 */
@ConfigurationProperties("kap.security")
record IdentitySettings(Integer maxFailedAttempts, Duration failureWindow, Duration tokenLifetime,
		Integer minPasswordLength) {

	IdentitySettings {
		maxFailedAttempts = (maxFailedAttempts == null) ? 5 : maxFailedAttempts;
		failureWindow = (failureWindow == null) ? Duration.ofMinutes(15) : failureWindow;
		tokenLifetime = (tokenLifetime == null) ? Duration.ofHours(1) : tokenLifetime;
		minPasswordLength = (minPasswordLength == null) ? 12 : minPasswordLength;
	}

}
