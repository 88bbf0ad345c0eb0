package org.kapclinic.identity.mfa;

import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * Where Spring Security's relying-party operations keep passkeys: staff's in
 * {@code identity.passkey} (V83), patients' in {@code portal.passkey} (V115), tables of
 * the same columns. The WebAuthn user handle is the account's id (16 bytes, no personal
 * data), so user entities are read from the accounts and never stored apart. Removing a
 * passkey marks its row removed; removed passkeys are invisible here.
 */
class PasskeyStore implements UserCredentialRepository {

	private static final String COLUMNS = """
			credential_id, user_id, label, credential_type, public_key, signature_count, uv_initialized, backup_eligible,
			backup_state, transports, attestation_object, attestation_client_data_json, created_at, last_used_at""";

	private final JdbcClient jdbc;

	private final Clock clock;

	/** {@code schema.table}: a constant of ours, never input. */
	private final String table;

	PasskeyStore(JdbcClient jdbc, Clock clock, String table) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.table = table;
	}

	/**
	 * Adds a new passkey (not used yet, whatever time Spring Security puts in a new
	 * record), or records a sign-in with one.
	 */
	@Override
	public void save(CredentialRecord record) {
		this.jdbc
			.sql("insert into " + this.table + " (" + COLUMNS
					+ """
							) values (:id, :user, :label, :type, :key, :count, :uv, :be, :bs, :transports, :attestation, :clientData,
							          :created, null)
							on conflict (credential_id) do update set signature_count = excluded.signature_count,
							    backup_state = excluded.backup_state, last_used_at = :lastUsed""")
			.param("id", record.getCredentialId().getBytes())
			.param("user", uuid(record.getUserEntityUserId()))
			.param("label", record.getLabel())
			.param("type", record.getCredentialType().getValue())
			.param("key", record.getPublicKey().getBytes())
			.param("count", record.getSignatureCount())
			.param("uv", record.isUvInitialized())
			.param("be", record.isBackupEligible())
			.param("bs", record.isBackupState())
			.param("transports",
					record.getTransports()
						.stream()
						.map(AuthenticatorTransport::getValue)
						.sorted()
						.collect(Collectors.joining(",")))
			.param("attestation", record.getAttestationObject().getBytes())
			.param("clientData", record.getAttestationClientDataJSON().getBytes())
			.param("created", Timestamp.from((record.getCreated() != null) ? record.getCreated() : now()))
			.param("lastUsed", (record.getLastUsed() != null) ? Timestamp.from(record.getLastUsed()) : null)
			.update();
	}

	@Override
	public CredentialRecord findByCredentialId(Bytes credentialId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from " + this.table + " where credential_id = ? and removed_at is null")
			.param(credentialId.getBytes())
			.query(PasskeyStore::credential)
			.optional()
			.orElse(null);
	}

	@Override
	public List<CredentialRecord> findByUserId(Bytes userId) {
		if (userId.getBytes().length != 16) {
			return List.of();
		}
		return this.jdbc
			.sql("select " + COLUMNS + " from " + this.table
					+ " where user_id = ? and removed_at is null order by created_at")
			.param(uuid(userId))
			.query(PasskeyStore::credential)
			.list();
	}

	/** Marks the passkey removed: it signs nobody in any more. */
	@Override
	public void delete(Bytes credentialId) {
		this.jdbc.sql("update " + this.table + " set removed_at = ? where credential_id = ? and removed_at is null")
			.params(Timestamp.from(now()), credentialId.getBytes())
			.update();
	}

	static Bytes handle(UUID userId) {
		return new Bytes(ByteBuffer.allocate(16)
			.putLong(userId.getMostSignificantBits())
			.putLong(userId.getLeastSignificantBits())
			.array());
	}

	static UUID uuid(Bytes handle) {
		ByteBuffer bytes = ByteBuffer.wrap(handle.getBytes());
		return new UUID(bytes.getLong(), bytes.getLong());
	}

	private static CredentialRecord credential(ResultSet rs, int row) throws SQLException {
		Set<AuthenticatorTransport> transports = Arrays.stream(rs.getString("transports").split(","))
			.filter((transport) -> !transport.isEmpty())
			.map(AuthenticatorTransport::valueOf)
			.collect(Collectors.toUnmodifiableSet());
		Timestamp lastUsed = rs.getTimestamp("last_used_at");
		return ImmutableCredentialRecord.builder()
			.credentialId(new Bytes(rs.getBytes("credential_id")))
			.userEntityUserId(handle(rs.getObject("user_id", UUID.class)))
			.label(rs.getString("label"))
			.credentialType(PublicKeyCredentialType.valueOf(rs.getString("credential_type")))
			.publicKey(new ImmutablePublicKeyCose(rs.getBytes("public_key")))
			.signatureCount(rs.getLong("signature_count"))
			.uvInitialized(rs.getBoolean("uv_initialized"))
			.backupEligible(rs.getBoolean("backup_eligible"))
			.backupState(rs.getBoolean("backup_state"))
			.transports(transports)
			.attestationObject(new Bytes(rs.getBytes("attestation_object")))
			.attestationClientDataJSON(new Bytes(rs.getBytes("attestation_client_data_json")))
			.created(rs.getTimestamp("created_at").toInstant())
			.lastUsed((lastUsed != null) ? lastUsed.toInstant() : null)
			.build();
	}

	private Instant now() {
		return Instant.now(this.clock);
	}

}
