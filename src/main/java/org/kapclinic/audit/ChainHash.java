package org.kapclinic.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 link of the audit chain: each seal covers the previous seal and the entry. */
final class ChainHash {

	/** The value before the first seal. */
	static final String GENESIS = "0".repeat(64);

	private ChainHash() {
	}

	static String next(String previous, AuditEntry entry) {
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
