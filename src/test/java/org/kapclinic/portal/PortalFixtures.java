package org.kapclinic.portal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.kapclinic.BrowserSession;
import org.kapclinic.identity.Passwords;
import org.kapclinic.identity.mfa.OneTimeCodes;
import org.kapclinic.identity.mfa.Totp;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Active portal accounts made directly, for tests of what comes after set-up (the set-up
 * itself is walked by {@link PortalBrowserIT}).
 */
record PortalFixtures(JdbcClient jdbc, Passwords passwords, OneTimeCodes codes, int port) {

	static final String PASSWORD = "amber willow harbour spindle";

	/** An account for the patient, signed in over HTTP as a browser would be. */
	BrowserSession signedIn(String patientId, UUID invitedBy) {
		String key = this.codes.newKey();
		String email = account(patientId, key, invitedBy);
		return BrowserSession.portalSignIn(this.port, email, PASSWORD, Totp.codeNow(key, Instant.now()));
	}

	/** An active account with {@link #PASSWORD} and the authenticator {@code key}. */
	String account(String patientId, String key, UUID invitedBy) {
		UUID id = UUID.randomUUID();
		String email = "portal-" + id.toString().substring(0, 8) + "@patients.invalid";
		this.jdbc.sql("""
				insert into portal.account (id, patient_id, email, status, password_hash, totp_secret, totp_last_step,
				    invited_at, invited_by, activated_at)
				values (?, ?::uuid, ?, 'ACTIVE', ?, ?, 0, ?, ?, ?)""")
			.params(id, patientId, email, this.passwords.hash(PASSWORD), this.codes.seal(id, key),
					Timestamp.from(Instant.now()), invitedBy, Timestamp.from(Instant.now()))
			.update();
		return email;
	}

}
