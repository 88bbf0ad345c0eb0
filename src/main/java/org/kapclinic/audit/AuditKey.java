package org.kapclinic.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The audit chain's HMAC key, kept outside the database (issue 16 finding 3: an unkeyed
 * SHA-256 chain in the same database is rewritten by whoever can write the database).
 * From {@code kap.audit.key} ({@code KAP_AUDIT_KEY}); with the embedded database, from
 * {@code audit.key} in the data directory, generated on first start with mode 600. With a
 * PostgreSQL server and no key the app refuses to start.
 */
@Component
class AuditKey {

	static final String FILE = "audit.key";

	private static final int MIN_BYTES = 32;

	private final SecretKeySpec key;

	/**
	 * One initialised Mac per thread: the sealer links thousands of rows a second, and a
	 * Mac is not thread-safe.
	 */
	private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

	@Autowired
	AuditKey(AuditSettings settings, Environment environment) {
		this(load(settings, environment));
	}

	AuditKey(byte[] key) {
		if (key.length < MIN_BYTES) {
			throw new IllegalStateException("kap.audit.key must be at least " + MIN_BYTES + " bytes (base64)");
		}
		this.key = new SecretKeySpec(key, "HmacSHA256");
	}

	/** HMAC-SHA256 of the parts, each followed by a newline, as 64 hex digits. */
	String hmac(String... parts) {
		Mac mac = this.macs.get();
		for (String part : parts) {
			mac.update(part.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) '\n');
		}
		// doFinal also resets the Mac for the next call.
		return HexFormat.of().formatHex(mac.doFinal());
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is required by every Java runtime", ex);
		}
	}

	private static byte[] load(AuditSettings settings, Environment environment) {
		if (settings.key() != null && !settings.key().isBlank()) {
			return Base64.getDecoder().decode(settings.key().strip());
		}
		if (environment.containsProperty("spring.datasource.url")) {
			throw new IllegalStateException("KAP_AUDIT_KEY (kap.audit.key) is required with a PostgreSQL server: "
					+ "a base64 key of at least 32 bytes kept outside the database, e.g. `openssl rand -base64 32`");
		}
		return fromDataDirectory(Path.of(environment.getProperty("kap.data-dir", "./data"), FILE));
	}

	private static byte[] fromDataDirectory(Path file) {
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(file.toAbsolutePath().getParent());
				byte[] generated = new byte[MIN_BYTES];
				new SecureRandom().nextBytes(generated);
				try {
					Files.createFile(file,
							PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
					Files.writeString(file, Base64.getEncoder().encodeToString(generated));
				}
				catch (FileAlreadyExistsException ex) {
					// another start made it first: read theirs
				}
				catch (UnsupportedOperationException ex) {
					// not a POSIX file system (Windows): the directory's own access rules
					// apply
					Files.writeString(file, Base64.getEncoder().encodeToString(generated));
				}
			}
			return Base64.getDecoder().decode(Files.readString(file).strip());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or create the audit key " + file, ex);
		}
	}

}
