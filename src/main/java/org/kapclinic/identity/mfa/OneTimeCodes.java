package org.kapclinic.identity.mfa;

import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;

import org.apache.commons.codec.binary.Base32;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Authenticator-app codes (TOTP, RFC 6238) for accounts other than staff's: the patient
 * portal (issue 21). The same algorithm, step, window and sealing at rest as the staff's
 * second factor ({@link SecondFactors}); the caller keeps the sealed secret and the last
 * step used (a code is accepted once).
 */
@Component
@NamedInterface("one-time-codes")
public class OneTimeCodes {

	private final SecretSealing sealing;

	OneTimeCodes(SecretSealing sealing) {
		this.sealing = sealing;
	}

	/** A fresh key, as the text people type into an authenticator app (Base32). */
	public String newKey() {
		return Totp.base32(Totp.newSecret());
	}

	/** The QR code apps scan for the key (shown in the app as "KAP Clinic: account"). */
	public String qrDataUri(String account, String key) {
		return QrCodeSvg.dataUri(Totp.otpauthUri("KAP Clinic", account, new Base32().decode(key)));
	}

	/** The key sealed for its owner, to store. */
	public byte[] seal(UUID owner, String key) {
		return this.sealing.seal(owner, new Base32().decode(key));
	}

	/**
	 * The time step of a code from the key being set up (one step either side of now).
	 */
	public OptionalLong matchesKey(String key, String code, Instant now) {
		return Totp.matchingStep(new Base32().decode(key), code, now);
	}

	/** The time step of a code from a stored key; empty when it does not match. */
	public OptionalLong matches(UUID owner, byte[] sealed, String code, Instant now) {
		return Totp.matchingStep(this.sealing.open(owner, sealed), code, now);
	}

}
