package org.kapclinic.identity.mfa;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Component;

/**
 * The WebAuthn user a passkey belongs to is the active staff account itself: its handle
 * is the account's id (16 bytes, no personal data, WebAuthn §14.6.1), so nothing is
 * stored apart and a deactivated account's passkeys sign nobody in.
 */
@Component
class PasskeyUsers implements PublicKeyCredentialUserEntityRepository {

	private final JdbcClient jdbc;

	PasskeyUsers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public PublicKeyCredentialUserEntity findById(Bytes id) {
		if (id.getBytes().length != 16) {
			return null;
		}
		return this.jdbc.sql("select id, username, display_name from identity.app_user where id = ? and active")
			.param(PasskeyStore.uuid(id))
			.query(PasskeyUsers::userEntity)
			.optional()
			.orElse(null);
	}

	@Override
	public PublicKeyCredentialUserEntity findByUsername(String username) {
		return this.jdbc
			.sql("select id, username, display_name from identity.app_user where lower(username) = lower(?) and active")
			.param(username)
			.query(PasskeyUsers::userEntity)
			.optional()
			.orElse(null);
	}

	/** Nothing to keep: a user entity is the account itself. */
	@Override
	public void save(PublicKeyCredentialUserEntity userEntity) {
	}

	/** Accounts are deactivated by an administrator, never deleted, and not from here. */
	@Override
	public void delete(Bytes id) {
		throw new UnsupportedOperationException("accounts are deactivated, not deleted");
	}

	private static PublicKeyCredentialUserEntity userEntity(ResultSet rs, int row) throws SQLException {
		return ImmutablePublicKeyCredentialUserEntity.builder()
			.id(PasskeyStore.handle(rs.getObject("id", UUID.class)))
			.name(rs.getString("username"))
			.displayName(rs.getString("display_name"))
			.build();
	}

}
