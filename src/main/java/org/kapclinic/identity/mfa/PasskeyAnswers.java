package org.kapclinic.identity.mfa;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.modulith.NamedInterface;

/**
 * What {@code static/js/passkeys.js} expects back from the server: the options as
 * WebAuthn's JSON, then {@code {"redirect"}} where to go, or {@code {"problem"}} in
 * words. Staff's passkey pages and the portal's answer alike.
 */
@NamedInterface("passkey-ceremonies")
public final class PasskeyAnswers {

	private PasskeyAnswers() {
	}

	/** A challenge, never cached. */
	public static ResponseEntity<String> options(Object options) {
		return ResponseEntity.ok()
			.header("Cache-Control", "no-store")
			.contentType(MediaType.APPLICATION_JSON)
			.body(PasskeyCeremony.json(options));
	}

	public static ResponseEntity<Map<String, String>> redirect(String to) {
		return ResponseEntity.ok().header("Cache-Control", "no-store").body(Map.of("redirect", to));
	}

	public static ResponseEntity<Map<String, String>> problem(HttpStatus status, String detail) {
		return ResponseEntity.status(status).body(Map.of("problem", detail));
	}

}
