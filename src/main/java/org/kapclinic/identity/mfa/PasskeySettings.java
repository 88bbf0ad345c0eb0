package org.kapclinic.identity.mfa;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The relying party that passkeys are made for ({@code kap.security.passkeys.*}). A
 * passkey works only on the host name it was made on (WebAuthn §5.1.4.1, the RP ID), so a
 * clinic sets {@code rp-id} to the name its staff type into the browser.
 *
 * @param rpId the host name passkeys belong to ({@code localhost}: the demo clinic and
 * tests; a server's name, e.g. {@code kap.example-clinic.org}, in production). Browsers
 * refuse IP addresses here
 * @param rpName the name the browser shows when a passkey is made ("KAP Clinic")
 * @param origins the origins pages are served from, e.g.
 * {@code https://kap.example-clinic.org}; empty (the default): {@code https://} and the
 * RP ID, and for {@code localhost} also {@code http://localhost:} and the port the app
 * listens on (browsers treat localhost as secure)
 */
@ConfigurationProperties("kap.security.passkeys")
public record PasskeySettings(String rpId, String rpName, Set<String> origins) {

	public PasskeySettings {
		rpId = (rpId == null || rpId.isBlank()) ? "localhost" : rpId.strip();
		rpName = (rpName == null || rpName.isBlank()) ? "KAP Clinic" : rpName.strip();
		origins = (origins == null) ? Set.of() : Set.copyOf(origins);
	}

}
