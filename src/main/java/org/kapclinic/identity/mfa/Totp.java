package org.kapclinic.identity.mfa;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords as authenticator apps make them (RFC 6238: HMAC-SHA1, 6
 * digits, 30-second steps). A code is accepted one step either side of now, for clocks
 * that drift and codes typed at the turn of a step (RFC 6238 section 5.2); that a code is
 * never accepted twice is {@link SecondFactors}' job.
 */
public final class Totp {

	static final Duration STEP = Duration.ofSeconds(30);

	/** 160-bit secrets, the length RFC 4226 section 4 recommends. */
	static final int SECRET_BYTES = 20;

	private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(STEP, 6,
			TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);

	private static final SecureRandom RANDOM = new SecureRandom();

	private Totp() {
	}

	static byte[] newSecret() {
		byte[] secret = new byte[SECRET_BYTES];
		RANDOM.nextBytes(secret);
		return secret;
	}

	/** The secret as people type it into an app: Base32 without padding. */
	static String base32(byte[] secret) {
		return new Base32().encodeAsString(secret).replace("=", "");
	}

	/**
	 * The {@code otpauth://} URI authenticator apps read from the QR code (Google
	 * Authenticator's key-URI format).
	 */
	static String otpauthUri(String issuer, String account, byte[] secret) {
		String label = encode(issuer) + ":" + encode(account);
		return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=" + encode(issuer)
				+ "&algorithm=SHA1&digits=6&period=" + STEP.toSeconds();
	}

	/** The time step an instant falls in. */
	static long step(Instant instant) {
		return Math.floorDiv(instant.getEpochSecond(), STEP.toSeconds());
	}

	/** The code for one time step. */
	public static String code(byte[] secret, long step) {
		try {
			return GENERATOR.generateOneTimePasswordString(new SecretKeySpec(secret, "HmacSHA1"),
					Instant.ofEpochSecond(step * STEP.toSeconds()), Locale.ROOT);
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException("a TOTP secret is not a usable HMAC key", ex);
		}
	}

	/** The code an app shows now for a Base32 secret (for people and tests alike). */
	public static String codeNow(String base32Secret, Instant now) {
		return code(new Base32().decode(base32Secret), step(now));
	}

	/** The step, one either side of now, whose code this is; empty when none. */
	static OptionalLong matchingStep(byte[] secret, String code, Instant now) {
		if (code == null || !code.matches("\\d{6}")) {
			return OptionalLong.empty();
		}
		long current = step(now);
		for (long step = current - 1; step <= current + 1; step++) {
			if (MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII),
					code.getBytes(StandardCharsets.US_ASCII))) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
