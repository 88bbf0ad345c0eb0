package org.kapclinic.fhir;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.kapclinic.audit.DerivedKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The key the authorization server signs backend services' access tokens with: one RSA
 * key for every instance, kept in the database sealed (AES-256-GCM under a key derived
 * from the audit key, the key id as associated data), so a database copy alone cannot
 * forge a token. The first instance to start creates it; the others read it.
 */
@Component
class SigningKeys implements JWKSource<SecurityContext> {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SigningKeys.class);

	private final JWKSet keys;

	private final RSAKey key;

	SigningKeys(JdbcClient jdbc, DerivedKeys derived, Clock clock) {
		SecretKey sealing = derived.aes("fhir-token-signing-key-v1");
		List<Row> rows = read(jdbc);
		if (rows.isEmpty()) {
			store(jdbc, sealing, generate(), clock);
			rows = read(jdbc);
		}
		RSAKey newest;
		try {
			newest = open(sealing, rows.get(0));
		}
		catch (IllegalStateException ex) {
			// Sealed under another audit key (the key was rotated, or this database was
			// restored into another installation): tokens signed with the old key last
			// minutes, so a new key is simply made; the old one stays, unreadable, for
			// the record.
			LOG.warn("The FHIR token signing key was sealed under another audit key; making a new one");
			newest = generate();
			store(jdbc, sealing, newest, clock);
		}
		this.key = newest;
		this.keys = new JWKSet(this.key);
	}

	RSAKey key() {
		return this.key;
	}

	@Override
	public List<JWK> get(JWKSelector selector, SecurityContext context) {
		return selector.select(this.keys);
	}

	private record Row(String kid, byte[] sealed) {
	}

	private static void store(JdbcClient jdbc, SecretKey sealing, RSAKey key, Clock clock) {
		jdbc.sql("insert into fhir.signing_key (kid, sealed, created_at) values (?, ?, ?) on conflict do nothing")
			.params(key.getKeyID(), seal(sealing, key), Timestamp.from(Instant.now(clock)))
			.update();
	}

	private static List<Row> read(JdbcClient jdbc) {
		return jdbc.sql("select kid, sealed from fhir.signing_key order by created_at desc, kid")
			.query((rs, n) -> new Row(rs.getString("kid"), rs.getBytes("sealed")))
			.list();
	}

	private static RSAKey generate() {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("could not generate the token signing key", ex);
		}
	}

	private static byte[] seal(SecretKey sealing, RSAKey key) {
		byte[] nonce = new byte[12];
		RANDOM.nextBytes(nonce);
		byte[] sealed = crypt(Cipher.ENCRYPT_MODE, sealing, key.getKeyID(), nonce,
				key.toJSONString().getBytes(StandardCharsets.UTF_8));
		byte[] stored = Arrays.copyOf(nonce, nonce.length + sealed.length);
		System.arraycopy(sealed, 0, stored, nonce.length, sealed.length);
		return stored;
	}

	private static RSAKey open(SecretKey sealing, Row row) {
		byte[] nonce = Arrays.copyOfRange(row.sealed(), 0, 12);
		byte[] json = crypt(Cipher.DECRYPT_MODE, sealing, row.kid(), nonce,
				Arrays.copyOfRange(row.sealed(), 12, row.sealed().length));
		try {
			return RSAKey.parse(new String(json, StandardCharsets.UTF_8));
		}
		catch (java.text.ParseException ex) {
			throw new IllegalStateException("the token signing key is not a JWK", ex);
		}
	}

	private static byte[] crypt(int mode, SecretKey sealing, String kid, byte[] nonce, byte[] input) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, sealing, new GCMParameterSpec(128, nonce));
			cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
			return cipher.doFinal(input);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(
					"the token signing key could not be sealed or opened (altered, or under another audit key)", ex);
		}
	}

}
