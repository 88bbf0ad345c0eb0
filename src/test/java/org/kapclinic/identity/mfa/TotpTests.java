package org.kapclinic.identity.mfa;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The codes are the ones RFC 6238 Appendix B lists for HMAC-SHA1 (its seed
 * "12345678901234567890"), cut to the 6 digits authenticator apps show (RFC 4226 section
 * 5.3: the last digits of the same number).
 */
class TotpTests {

	private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@Test
	void codesAreTheOnesOfRfc6238AppendixB() {
		assertThat(Totp.code(RFC_SEED, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
		assertThat(Totp.code(RFC_SEED, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
		assertThat(Totp.code(RFC_SEED, Totp.step(Instant.ofEpochSecond(1234567890)))).isEqualTo("005924");
		assertThat(Totp.code(RFC_SEED, Totp.step(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
	}

	@Test
	void aCodeIsAcceptedOneStepEitherSideOfNowAndNoFurther() {
		Instant now = Instant.ofEpochSecond(1111111109);
		long step = Totp.step(now);

		assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step - 1), now)).hasValue(step - 1);
		assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step + 1), now)).hasValue(step + 1);
		assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step - 2), now)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SEED, Totp.code(RFC_SEED, step + 2), now)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SEED, "12345", now)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SEED, null, now)).isEmpty();
	}

	@Test
	void theSecretReadsBackFromItsBase32AndTheUriCarriesIt() {
		byte[] secret = Totp.newSecret();
		String base32 = Totp.base32(secret);
		Instant now = Instant.parse("2026-12-04T12:00:00Z");

		assertThat(secret).hasSize(20);
		assertThat(base32).matches("[A-Z2-7]{32}");
		assertThat(Totp.codeNow(base32, now)).isEqualTo(Totp.code(secret, Totp.step(now)));
		assertThat(Totp.otpauthUri("KAP Clinic", "nurse.ivy", secret))
			.isEqualTo("otpauth://totp/KAP%20Clinic:nurse.ivy?secret=" + base32
					+ "&issuer=KAP%20Clinic&algorithm=SHA1&digits=6&period=30");
	}

	@Test
	void theQrCodeIsAnSvgImage() {
		assertThat(QrCodeSvg.dataUri("otpauth://totp/KAP%20Clinic:x?secret=ABC"))
			.startsWith("data:image/svg+xml;base64,");
	}

}
