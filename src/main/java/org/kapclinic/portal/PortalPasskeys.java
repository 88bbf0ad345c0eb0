package org.kapclinic.portal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.mfa.PasskeyCeremonies;
import org.kapclinic.identity.mfa.PasskeyCeremony;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patients' passkeys (issue 21): added on the portal's account page once signed in, then
 * enough alone to sign in (a passkey is a device the person unlocked with their PIN,
 * fingerprint or face: two factors in one). The same relying party and checks as staff
 * passkeys ({@link PasskeyCeremonies}), over {@code portal.passkey}; the WebAuthn user is
 * the active portal account, named by its e-mail address only.
 */
@Service
class PortalPasskeys {

	private final PasskeyCeremony ceremony;

	private final AuditTrail audit;

	PortalPasskeys(PasskeyCeremonies ceremonies, JdbcClient jdbc, AuditTrail audit) {
		this.ceremony = ceremonies.over("portal.passkey", new Accounts(jdbc));
		this.audit = audit;
	}

	PublicKeyCredentialCreationOptions creationOptions(Authentication signedIn) {
		return this.ceremony.creationOptions(signedIn);
	}

	/** A challenge any of this site's passkeys can answer (signing in with one alone). */
	PublicKeyCredentialRequestOptions signInOptions() {
		return this.ceremony.requestOptions(null);
	}

	@Transactional
	void register(PortalPrincipal who, PublicKeyCredentialCreationOptions options, String credentialJson,
			String label) {
		this.ceremony.register(who.accountId(), options, credentialJson, label);
		this.audit.record(AuditEvent.of(AuditAction.MFA_ENROLLED, PortalAccounts.RESOURCE, who.accountId())
			.patient(who.patientId())
			.category(DataCategory.SECURITY)
			.detail("portal passkey added"));
	}

	/**
	 * At set-up (issue 21: "a second factor: passkey, or TOTP"): the challenge for the
	 * invited account, before it can sign in.
	 */
	PublicKeyCredentialCreationOptions setupOptions(PortalAccount account) {
		// Spring Security asks for an authenticated one: the invitation's date-of-birth
		// gate
		// stands for it here.
		return this.ceremony
			.creationOptions(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
				.authenticated("portal:" + account.email(), null, List.of()));
	}

	/** Keeps the passkey made at set-up, for the invited account it was made for. */
	@Transactional
	void registerAtSetup(PortalAccount account, PublicKeyCredentialCreationOptions options, String credentialJson) {
		this.ceremony.register(account.id(), options, credentialJson, "Set up with the portal");
		this.audit.record(AuditEvent.of(AuditAction.MFA_ENROLLED, PortalAccounts.RESOURCE, account.id())
			.patient(account.patientId())
			.category(DataCategory.SECURITY)
			.detail("portal passkey added at set-up"));
	}

	/** The active account whose passkey answered, or empty. */
	@Transactional
	Optional<UUID> authenticate(PublicKeyCredentialRequestOptions options, String credentialJson) {
		return this.ceremony.authenticate(options, credentialJson);
	}

	List<PasskeyCeremony.Passkey> list(UUID accountId) {
		return this.ceremony.list(accountId);
	}

	@Transactional
	boolean remove(PortalPrincipal who, String id) {
		Optional<String> removed = this.ceremony.remove(who.accountId(), id);
		removed.ifPresent(
				(label) -> this.audit.record(AuditEvent.of(AuditAction.UPDATE, PortalAccounts.RESOURCE, who.accountId())
					.patient(who.patientId())
					.category(DataCategory.SECURITY)
					.detail("portal passkey removed")));
		return removed.isPresent();
	}

	/**
	 * WebAuthn's users are the active portal accounts: handle = the account's id, name =
	 * the principal's name ({@code portal:} or {@code portal-guardian:} and the address).
	 */
	private record Accounts(JdbcClient jdbc) implements PublicKeyCredentialUserEntityRepository {

		@Override
		public PublicKeyCredentialUserEntity findById(Bytes id) {
			if (id.getBytes().length != 16) {
				return null;
			}
			return this.jdbc.sql("select id, email, holder from portal.account where id = ? and status = 'ACTIVE'")
				.param(PasskeyCeremony.account(id))
				.query((rs, n) -> entity(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
				.optional()
				.orElse(null);
		}

		@Override
		public PublicKeyCredentialUserEntity findByUsername(String username) {
			int colon = (username == null) ? -1 : username.indexOf(':');
			if (colon < 0) {
				return null;
			}
			// An invited account too: a patient may make their passkey while setting up.
			return this.jdbc
				.sql("select id, email, holder from portal.account where email = ? and status in ('INVITED', 'ACTIVE')")
				.param(username.substring(colon + 1))
				.query((rs, n) -> entity(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
				.optional()
				.orElse(null);
		}

		/** Nothing to keep: a user entity is the account itself. */
		@Override
		public void save(PublicKeyCredentialUserEntity userEntity) {
		}

		@Override
		public void delete(Bytes id) {
			throw new UnsupportedOperationException("portal accounts are revoked, not deleted");
		}

		private static PublicKeyCredentialUserEntity entity(UUID id, String email, String holder) {
			return ImmutablePublicKeyCredentialUserEntity.builder()
				.id(PasskeyCeremony.handle(id))
				.name(("GUARDIAN".equals(holder) ? "portal-guardian:" : "portal:") + email)
				.displayName(email)
				.build();
		}

	}

}
