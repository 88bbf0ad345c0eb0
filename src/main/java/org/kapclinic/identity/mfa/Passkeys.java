package org.kapclinic.identity.mfa;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passkeys as a second factor (issue 16 finding 2), beside the authenticator app: made
 * and checked by Spring Security's WebAuthn relying-party operations. The browser sends
 * its credential as WebAuthn's JSON ({@code PublicKeyCredential.toJSON()}), read here
 * with Spring Security's Jackson module. A passkey proves possession of a device the
 * person unlocked, which is what the second step of signing in asks; it does not replace
 * the password for staff.
 */
@Service
public class Passkeys {

	private final PasskeyCeremony ceremony;

	private final PasskeyUsers users;

	private final SecondFactors secondFactors;

	private final AuditTrail audit;

	Passkeys(Webauthn4JRelyingPartyOperations operations, PasskeyStore store, PasskeyUsers users,
			SecondFactors secondFactors, AuditTrail audit) {
		this.ceremony = new PasskeyCeremony(operations, store);
		this.users = users;
		this.secondFactors = secondFactors;
		this.audit = audit;
	}

	/** Why a passkey was not made or not accepted, in words for the person. */
	public static class PasskeyRefused extends RuntimeException {

		PasskeyRefused(String message) {
			super(message);
		}

	}

	/**
	 * A challenge to make a passkey for the signed-in person; the caller keeps it (in the
	 * session) until the browser answers.
	 */
	public PublicKeyCredentialCreationOptions creationOptions(Authentication signedIn) {
		return this.ceremony.creationOptions(signedIn);
	}

	/** A challenge to prove one of the signed-in person's passkeys. */
	public PublicKeyCredentialRequestOptions requestOptions(Authentication signedIn) {
		return this.ceremony.requestOptions(signedIn);
	}

	/**
	 * Keeps the passkey the browser made for {@code options}. When it is the person's
	 * first second factor, answers their ten new recovery codes (shown once); otherwise
	 * empty.
	 * @throws PasskeyRefused when the answer does not match the challenge or this site
	 */
	@Transactional
	public Optional<List<String>> register(UUID userId, PublicKeyCredentialCreationOptions options,
			String credentialJson, String label) {
		boolean first = !this.secondFactors.enrolled(userId);
		try {
			this.ceremony.register(userId, options, credentialJson, label);
		}
		catch (PasskeyCeremony.Refused ex) {
			throw new PasskeyRefused(ex.getMessage());
		}
		this.audit.record(AuditEvent.of(AuditAction.MFA_ENROLLED, "StaffAccount", userId)
			.category(DataCategory.SECURITY)
			.detail("passkey \"" + ((label == null || label.isBlank()) ? "Passkey" : label.strip()) + "\" added"));
		return first ? Optional.of(this.secondFactors.newRecoveryCodes(userId)) : Optional.empty();
	}

	/**
	 * Whether the browser's answer proves one of {@code username}'s own passkeys for
	 * {@code options}. A passkey of anyone else, an answer for another challenge or
	 * another site, or a removed passkey: false.
	 */
	public boolean verify(String username, PublicKeyCredentialRequestOptions options, String credentialJson) {
		if (options.getAllowCredentials().isEmpty()) {
			return false;
		}
		var user = this.users.findByUsername(username);
		return user != null && this.ceremony.authenticate(options, credentialJson)
			.filter((account) -> account.equals(PasskeyCeremony.account(user.getId())))
			.isPresent();
	}

	/** The person's passkeys, oldest first. */
	public List<PasskeyCeremony.Passkey> list(UUID userId) {
		return this.ceremony.list(userId);
	}

	/** Removes one of the person's own passkeys; false when they have no such passkey. */
	@Transactional
	public boolean remove(UUID userId, String id) {
		Optional<String> removed = this.ceremony.remove(userId, id);
		removed.ifPresent((label) -> this.audit.record(AuditEvent.of(AuditAction.UPDATE, "StaffAccount", userId)
			.category(DataCategory.SECURITY)
			.detail("passkey \"" + label + "\" removed")));
		return removed.isPresent();
	}

}
