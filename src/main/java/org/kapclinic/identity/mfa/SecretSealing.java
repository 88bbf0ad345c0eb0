package org.kapclinic.identity.mfa;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import org.kapclinic.audit.DerivedKeys;
import org.springframework.stereotype.Component;

/**
 * TOTP secrets as the database stores them: AES-256-GCM under a key that lives outside
 * the database ({@link DerivedKeys}), bound to their owner (the user id is the associated
 * data, so a sealed secret moved to another account does not open). A verifier must be
 * able to read the secret, so it cannot be hashed; sealed, a copy of the database alone
 * gives no second factor. Layout: version (1 byte), nonce (12), ciphertext and tag.
 */
@Component
class SecretSealing {

	static final int SEALED_LENGTH = 1 + 12 + Totp.SECRET_BYTES + 16;

	private static final byte VERSION = 1;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKey key;

	SecretSealing(DerivedKeys keys) {
		this.key = keys.aes("totp-secret-v1");
	}

	byte[] seal(UUID owner, byte[] secret) {
		byte[] nonce = new byte[12];
		RANDOM.nextBytes(nonce);
		byte[] sealed = crypt(Cipher.ENCRYPT_MODE, owner, nonce, secret);
		return ByteBuffer.allocate(1 + nonce.length + sealed.length).put(VERSION).put(nonce).put(sealed).array();
	}

	/**
	 * The secret; refuses one sealed for another owner, altered, or of an unknown
	 * version.
	 */
	byte[] open(UUID owner, byte[] stored) {
		if (stored.length != SEALED_LENGTH || stored[0] != VERSION) {
			throw new IllegalStateException("a TOTP secret is not sealed as this version seals them");
		}
		byte[] nonce = java.util.Arrays.copyOfRange(stored, 1, 13);
		byte[] sealed = java.util.Arrays.copyOfRange(stored, 13, stored.length);
		return crypt(Cipher.DECRYPT_MODE, owner, nonce, sealed);
	}

	private byte[] crypt(int mode, UUID owner, byte[] nonce, byte[] input) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, this.key, new GCMParameterSpec(128, nonce));
			cipher.updateAAD(owner.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			return cipher.doFinal(input);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("a TOTP secret could not be " + ((mode == Cipher.ENCRYPT_MODE) ? "sealed"
					: "opened (altered, or sealed for another account or under another audit key)"), ex);
		}
	}

}
