package org.kapclinic.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.stereotype.Component;

/**
 * A link of the audit chain: each seal covers the previous seal and the entry. Seals are
 * HMAC-SHA256 under the key outside the database ({@link AuditKey}), so nobody who can
 * only write the database can compute a valid one. Seals made before the key existed
 * (unkeyed SHA-256, {@code audit.seal.keyed = false}) are still checked as they were
 * made.
 */
@Component
class ChainHash {

	/** The value before the first seal. */
	static final String GENESIS = "0".repeat(64);

	private final AuditKey key;

	ChainHash(AuditKey key) {
		this.key = key;
	}

	String next(String previous, AuditEntry entry) {
		return this.key.hmac(previous, entry.canonical());
	}

	/** The link as seals were made before issue 16: SHA-256 without a key. */
	static String unkeyed(String previous, AuditEntry entry) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(previous.getBytes(StandardCharsets.US_ASCII));
			digest.update((byte) '\n');
			digest.update(entry.canonical().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by every Java runtime", ex);
		}
	}

}
