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
 * @param tokenCacheTtl how long a checked API token is trusted without asking the
 * database again (10 s). Revocation and deactivation act at once on the instance that
 * performs them; other instances notice within this time. Zero disables the cache.
 */
@ConfigurationProperties("kap.security")
record IdentitySettings(Integer maxFailedAttempts, Duration failureWindow, Duration tokenLifetime,
		Integer minPasswordLength, Duration tokenCacheTtl) {

	IdentitySettings {
		maxFailedAttempts = (maxFailedAttempts == null) ? 5 : maxFailedAttempts;
		failureWindow = (failureWindow == null) ? Duration.ofMinutes(15) : failureWindow;
		tokenLifetime = (tokenLifetime == null) ? Duration.ofHours(1) : tokenLifetime;
		minPasswordLength = (minPasswordLength == null) ? 12 : minPasswordLength;
		tokenCacheTtl = (tokenCacheTtl == null) ? Duration.ofSeconds(10) : tokenCacheTtl;
	}

}
