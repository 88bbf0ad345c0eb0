package org.kapclinic.identity.mfa;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorAttestationResponse;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
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

	private static final Logger log = LoggerFactory.getLogger(Passkeys.class);

	private static final JsonMapper JSON = JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();

	private static final int LABEL_LENGTH = 60;

	private final Webauthn4JRelyingPartyOperations operations;

	private final PasskeyStore store;

	private final SecondFactors secondFactors;

	private final AuditTrail audit;

	Passkeys(Webauthn4JRelyingPartyOperations operations, PasskeyStore store, SecondFactors secondFactors,
			AuditTrail audit) {
		this.operations = operations;
		this.store = store;
		this.secondFactors = secondFactors;
		this.audit = audit;
	}

	/** One of a person's passkeys, as their account page lists it. */
	public record Passkey(String id, String label, Instant created, Instant lastUsed) {
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
		return this.operations
			.createPublicKeyCredentialCreationOptions(new ImmutablePublicKeyCredentialCreationOptionsRequest(signedIn));
	}

	/** A challenge to prove one of the signed-in person's passkeys. */
	public PublicKeyCredentialRequestOptions requestOptions(Authentication signedIn) {
		return this.operations
			.createCredentialRequestOptions(new ImmutablePublicKeyCredentialRequestOptionsRequest(signedIn));
	}

	/** The options as WebAuthn's JSON, for {@code PublicKeyCredential.parse…FromJSON}. */
	public static String json(Object options) {
		return JSON.writeValueAsString(options);
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
		String name = (label == null || label.isBlank()) ? "Passkey" : label.strip();
		if (name.length() > LABEL_LENGTH) {
			throw new PasskeyRefused("Give the passkey a shorter name (at most " + LABEL_LENGTH + " characters).");
		}
		if (!PasskeyStore.uuid(options.getUser().getId()).equals(userId)) {
			throw new PasskeyRefused("This passkey request belongs to another sign-in: start again.");
		}
		boolean first = !this.secondFactors.enrolled(userId);
		try {
			PublicKeyCredential<AuthenticatorAttestationResponse> credential = JSON.readValue(credentialJson,
					new TypeReference<PublicKeyCredential<AuthenticatorAttestationResponse>>() {
					});
			this.operations.registerCredential(
					new ImmutableRelyingPartyRegistrationRequest(options, new RelyingPartyPublicKey(credential, name)));
		}
		catch (RuntimeException ex) {
			log.info("Passkey for {} refused: {}", userId, ex.toString());
			throw new PasskeyRefused("The browser's answer could not be checked: try again, and make sure you are "
					+ "on the clinic's usual address (passkeys work only there).");
		}
		this.audit.record(AuditEvent.of(AuditAction.MFA_ENROLLED, "StaffAccount", userId)
			.category(DataCategory.SECURITY)
			.detail("passkey \"" + name + "\" added"));
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
		try {
			PublicKeyCredential<AuthenticatorAssertionResponse> credential = JSON.readValue(credentialJson,
					new TypeReference<PublicKeyCredential<AuthenticatorAssertionResponse>>() {
					});
			PublicKeyCredentialUserEntity user = this.operations
				.authenticate(new RelyingPartyAuthenticationRequest(options, credential));
			return user.getName().equalsIgnoreCase(username);
		}
		catch (RuntimeException ex) {
			log.info("Passkey of {} not accepted: {}", username, ex.toString());
			return false;
		}
	}

	/** The person's passkeys, oldest first. */
	public List<Passkey> list(UUID userId) {
		return this.store.findByUserId(PasskeyStore.handle(userId))
			.stream()
			.map((record) -> new Passkey(record.getCredentialId().toBase64UrlString(), record.getLabel(),
					record.getCreated(), record.getLastUsed()))
			.toList();
	}

	/** Removes one of the person's own passkeys; false when they have no such passkey. */
	@Transactional
	public boolean remove(UUID userId, String id) {
		Bytes credentialId;
		try {
			credentialId = Bytes.fromBase64(id);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		CredentialRecord record = this.store.findByCredentialId(credentialId);
		if (record == null || !PasskeyStore.uuid(record.getUserEntityUserId()).equals(userId)) {
			return false;
		}
		this.store.delete(credentialId);
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "StaffAccount", userId)
			.category(DataCategory.SECURITY)
			.detail("passkey \"" + record.getLabel() + "\" removed"));
		return true;
	}

}
