package org.kapclinic.identity;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in policy ({@code kap.security.*}). Defaults follow OWASP ASVS L2 and the issue's
 * acceptance criteria.
 *
 * @param maxFailedAttempts failures from one address within {@code failureWindow} that
 * lock an account for that address (5)
 * @param maxFailedAttemptsPerAccount failures from all addresses together that lock an
 * account everywhere (20: a guess spread over many addresses)
 * @param maxFailedAttemptsPerAddress failures from one address on any accounts that
 * throttle that address for every account (20). Behind a reverse proxy set
 * {@code trusted-proxies}: otherwise every client has the proxy's address, and 20
 * failures anywhere throttle the whole clinic
 * @param failureWindow how far back failures count, and how long a lock lasts (15 min)
 * @param tokenLifetime API bearer token lifetime (1 h)
 * @param minPasswordLength minimum password length (12)
 * @param tokenCacheTtl how long a checked API token is trusted without asking the
 * database again (10 s). Revocation and deactivation act at once on every instance (a
 * signal over LISTEN/NOTIFY, shared/ClusterSignals); this bounds how long a lost signal
 * can matter. Zero disables the cache.
 * @param sessionMaxLifetime a browser session ends this long after sign-in, however busy
 * (12 h: one clinic day; ASVS 7.3.2 asks for an absolute lifetime)
 * @param sessionIdleTimeout a browser session ends after this long without a request of
 * the person's own; the floor board's polls and event stream do not count (15 min; ONC
 * 170.315(d)(5) automatic access time-out, ASVS L2 at most 30 min)
 * @param trustedProxies the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto
 * are believed, as a regular expression of their addresses in Tomcat's syntax (e.g.
 * {@code 10\.0\.0\.5|10\.0\.0\.6}); empty by default: the connecting address is the
 * client's
 * @param mfaRequiredRoles the roles that must sign in with a second factor (every staff
 * role, not METRICS: a collector's account that sees no patient data); a member of one
 * who has none set up may only set one up. Empty turns the requirement off (test set-ups,
 * the demo clinic); whoever has set one up always needs it
 * @param stepUpValidity how recent a second factor must be for the operations that ask
 * for one again: user administration, publishing rule sets and protocols, controlled
 * substance waste and counts, de-identified exports, break-glass (5 min)
 * @param passwordHashCost the BCrypt work factor of passwords hashed from now on, as log2
 * of its rounds (10, 4–31; OWASP's Password Storage Cheat Sheet asks for 10 or more).
 * Each step doubles the CPU of a sign-in (10: ~70 ms on one core here). Stored hashes
 * keep the cost they were made with and still verify.
 */
@ConfigurationProperties("kap.security")
record IdentitySettings(Integer maxFailedAttempts, Duration failureWindow, Duration tokenLifetime,
		Integer minPasswordLength, Duration tokenCacheTtl, Duration sessionMaxLifetime, Duration sessionIdleTimeout,
		String trustedProxies, Set<Role> mfaRequiredRoles, Duration stepUpValidity, Integer maxFailedAttemptsPerAccount,
		Integer maxFailedAttemptsPerAddress, Integer passwordHashCost) {

	IdentitySettings {
		maxFailedAttempts = (maxFailedAttempts == null) ? 5 : maxFailedAttempts;
		failureWindow = (failureWindow == null) ? Duration.ofMinutes(15) : failureWindow;
		tokenLifetime = (tokenLifetime == null) ? Duration.ofHours(1) : tokenLifetime;
		minPasswordLength = (minPasswordLength == null) ? 12 : minPasswordLength;
		tokenCacheTtl = (tokenCacheTtl == null) ? Duration.ofSeconds(10) : tokenCacheTtl;
		sessionMaxLifetime = (sessionMaxLifetime == null) ? Duration.ofHours(12) : sessionMaxLifetime;
		sessionIdleTimeout = (sessionIdleTimeout == null) ? Duration.ofMinutes(15) : sessionIdleTimeout;
		mfaRequiredRoles = (mfaRequiredRoles == null) ? Role.staff() : Set.copyOf(mfaRequiredRoles);
		stepUpValidity = (stepUpValidity == null) ? Duration.ofMinutes(5) : stepUpValidity;
		maxFailedAttemptsPerAccount = (maxFailedAttemptsPerAccount == null) ? 20 : maxFailedAttemptsPerAccount;
		maxFailedAttemptsPerAddress = (maxFailedAttemptsPerAddress == null) ? 20 : maxFailedAttemptsPerAddress;
		passwordHashCost = (passwordHashCost == null) ? 10 : passwordHashCost;
		if (passwordHashCost < 4 || passwordHashCost > 31) {
			throw new IllegalArgumentException(
					"kap.security.password-hash-cost must be 4–31 (BCrypt's log rounds), not " + passwordHashCost);
		}
	}

	/** Whether someone with these roles must sign in with a second factor. */
	boolean secondFactorRequiredFor(Set<Role> roles) {
		return roles.stream().anyMatch(this.mfaRequiredRoles::contains);
	}

}
