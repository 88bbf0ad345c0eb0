package org.kapclinic.audit;

import java.util.HexFormat;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Keys for other secrets the database must not hold in clear (TOTP secrets), derived from
 * the audit key, which already lives outside the database with its own handling
 * ({@code KAP_AUDIT_KEY}, or {@code audit.key} beside the embedded database): one key per
 * purpose, HMAC-SHA256 of a label that names the purpose (the HKDF-Expand step of RFC
 * 5869 with a single block), so a key for one purpose says nothing of the audit key or of
 * another purpose's key.
 */
@Component
public class DerivedKeys {

	private final AuditKey key;

	DerivedKeys(AuditKey key) {
		this.key = key;
	}

	/** A 256-bit AES key for {@code purpose} (for example "totp-secret-v1"). */
	public SecretKey aes(String purpose) {
		byte[] bytes = HexFormat.of().parseHex(this.key.hmac("kap-derived-key", purpose));
		return new SecretKeySpec(bytes, "AES");
	}

}
