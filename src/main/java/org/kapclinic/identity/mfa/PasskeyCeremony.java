package org.kapclinic.identity.mfa;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.AuthenticatorAttestationResponse;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Making, proving, listing and removing passkeys over one store (staff's in
 * {@link Passkeys}, the portal's through {@link PasskeyCeremonies}). The browser sends
 * its credential as WebAuthn's JSON ({@code PublicKeyCredential.toJSON()}), read with
 * Spring Security's Jackson module.
 */
@NamedInterface("passkey-ceremonies")
public final class PasskeyCeremony {

	private static final Logger log = LoggerFactory.getLogger(PasskeyCeremony.class);

	private static final JsonMapper JSON = JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();

	private static final int LABEL_LENGTH = 60;

	private final Webauthn4JRelyingPartyOperations operations;

	private final PasskeyStore store;

	PasskeyCeremony(Webauthn4JRelyingPartyOperations operations, PasskeyStore store) {
		this.operations = operations;
		this.store = store;
	}

	/**
	 * One passkey, as an account page lists it ({@code id}: base64url, for removing it).
	 */
	@NamedInterface("passkey-ceremonies")
	public record Passkey(String id, String label, java.time.Instant created, java.time.Instant lastUsed) {
	}

	/** Why a passkey was not made, in words for the person. */
	@NamedInterface("passkey-ceremonies")
	public static class Refused extends RuntimeException {

		Refused(String message) {
			super(message);
		}

	}

	/** The account's id as a WebAuthn user handle (16 bytes, no personal data). */
	public static Bytes handle(UUID accountId) {
		return PasskeyStore.handle(accountId);
	}

	/** The account id a user handle stands for. */
	public static UUID account(Bytes handle) {
		return PasskeyStore.uuid(handle);
	}

	/** The options as WebAuthn's JSON, for {@code PublicKeyCredential.parse…FromJSON}. */
	public static String json(Object options) {
		return JSON.writeValueAsString(options);
	}

	/**
	 * A challenge to make a passkey for the signed-in person; the caller keeps it (in the
	 * session) until the browser answers.
	 */
	public PublicKeyCredentialCreationOptions creationOptions(Authentication signedIn) {
		return this.operations
			.createPublicKeyCredentialCreationOptions(new ImmutablePublicKeyCredentialCreationOptionsRequest(signedIn));
	}

	/**
	 * A challenge to prove a passkey: one of the signed-in person's, or (null) any
	 * passkey the browser holds for this site, which names its account (signing in with a
	 * passkey alone).
	 */
	public PublicKeyCredentialRequestOptions requestOptions(Authentication signedIn) {
		return this.operations
			.createCredentialRequestOptions(new ImmutablePublicKeyCredentialRequestOptionsRequest(signedIn));
	}

	/**
	 * Keeps the passkey the browser made for {@code options}, for the account they were
	 * made for.
	 * @throws Refused when the answer does not match the challenge or this site
	 */
	public void register(UUID accountId, PublicKeyCredentialCreationOptions options, String credentialJson,
			String label) {
		String name = (label == null || label.isBlank()) ? "Passkey" : label.strip();
		if (name.length() > LABEL_LENGTH) {
			throw new Refused("Give the passkey a shorter name (at most " + LABEL_LENGTH + " characters).");
		}
		if (!account(options.getUser().getId()).equals(accountId)) {
			throw new Refused("This passkey request belongs to another sign-in: start again.");
		}
		try {
			PublicKeyCredential<AuthenticatorAttestationResponse> credential = JSON.readValue(credentialJson,
					new TypeReference<PublicKeyCredential<AuthenticatorAttestationResponse>>() {
					});
			this.operations.registerCredential(
					new ImmutableRelyingPartyRegistrationRequest(options, new RelyingPartyPublicKey(credential, name)));
		}
		catch (RuntimeException ex) {
			log.info("Passkey for {} refused: {}", accountId, ex.toString());
			throw new Refused("The browser's answer could not be checked: try again, and make sure you are "
					+ "on the clinic's usual address (passkeys work only there).");
		}
	}

	/**
	 * The account whose passkey the browser's answer proves for {@code options}; empty
	 * for an answer to another challenge or site, a removed passkey, or an account the
	 * user repository no longer finds.
	 */
	public Optional<UUID> authenticate(PublicKeyCredentialRequestOptions options, String credentialJson) {
		try {
			PublicKeyCredential<AuthenticatorAssertionResponse> credential = JSON.readValue(credentialJson,
					new TypeReference<PublicKeyCredential<AuthenticatorAssertionResponse>>() {
					});
			return Optional.of(account(
					this.operations.authenticate(new RelyingPartyAuthenticationRequest(options, credential)).getId()));
		}
		catch (RuntimeException ex) {
			log.info("Passkey not accepted: {}", ex.toString());
			return Optional.empty();
		}
	}

	/** The account's passkeys, oldest first. */
	public List<Passkey> list(UUID accountId) {
		return this.store.findByUserId(handle(accountId))
			.stream()
			.map((record) -> new Passkey(record.getCredentialId().toBase64UrlString(), record.getLabel(),
					record.getCreated(), record.getLastUsed()))
			.toList();
	}

	/**
	 * Removes one of the account's own passkeys: its label, or empty when it has no such
	 * passkey.
	 */
	public Optional<String> remove(UUID accountId, String id) {
		Bytes credentialId;
		try {
			credentialId = Bytes.fromBase64(id);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		CredentialRecord record = this.store.findByCredentialId(credentialId);
		if (record == null || !account(record.getUserEntityUserId()).equals(accountId)) {
			return Optional.empty();
		}
		this.store.delete(credentialId);
		return Optional.of(record.getLabel());
	}

}
