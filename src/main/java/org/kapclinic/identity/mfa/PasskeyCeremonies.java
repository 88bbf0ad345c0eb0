package org.kapclinic.identity.mfa;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Component;

/**
 * Passkeys for accounts other than staff's (issue 21: the patient portal): the same
 * relying party (host name, origins) and WebAuthn checks as staff passkeys, over another
 * table of the same columns as {@code identity.passkey} and the caller's own accounts.
 */
@Component
@NamedInterface("passkey-ceremonies")
public class PasskeyCeremonies {

	private final PasskeyRelyingParty relyingParty;

	private final JdbcClient jdbc;

	private final Clock clock;

	PasskeyCeremonies(PasskeyRelyingParty relyingParty, JdbcClient jdbc, Clock clock) {
		this.relyingParty = relyingParty;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The ceremonies over {@code table} ({@code schema.table}, a constant of the
	 * caller's) for the accounts {@code users} finds (their handle: the account's id as
	 * 16 bytes, {@link PasskeyCeremony#handle}).
	 */
	public PasskeyCeremony over(String table, PublicKeyCredentialUserEntityRepository users) {
		PasskeyStore store = new PasskeyStore(this.jdbc, this.clock, table);
		return new PasskeyCeremony(this.relyingParty.operations(users, store), store);
	}

}
