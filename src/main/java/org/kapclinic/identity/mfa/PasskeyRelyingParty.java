package org.kapclinic.identity.mfa;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * Spring Security's WebAuthn relying-party operations (webauthn4j underneath) over our
 * own store ({@link PasskeyStore}), for the host name and origins in
 * {@link PasskeySettings}. Where no origins are configured and the RP ID is
 * {@code localhost}, the origin {@code http://localhost:<port>} is added once the port is
 * known (a random one in tests).
 */
@Configuration(proxyBeanMethods = false)
class PasskeyRelyingParty {

	private final PasskeySettings settings;

	private final Set<String> origins = new CopyOnWriteArraySet<>();

	PasskeyRelyingParty(PasskeySettings settings) {
		this.settings = settings;
		this.origins.addAll(settings.origins().isEmpty() ? Set.of("https://" + settings.rpId()) : settings.origins());
	}

	@Bean
	PasskeyStore passkeyStore(org.springframework.jdbc.core.simple.JdbcClient jdbc, java.time.Clock clock) {
		return new PasskeyStore(jdbc, clock, "identity.passkey");
	}

	@Bean
	Webauthn4JRelyingPartyOperations passkeyOperations(PasskeyUsers users, PasskeyStore store) {
		return operations(users, store);
	}

	/**
	 * Relying-party operations over a store of passkeys: staff's, or the patient portal's
	 * ({@link PasskeyCeremonies}). One relying party: the same host name and origins.
	 */
	Webauthn4JRelyingPartyOperations operations(
			org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository users,
			PasskeyStore store) {
		PublicKeyCredentialRpEntity rp = PublicKeyCredentialRpEntity.builder()
			.id(this.settings.rpId())
			.name(this.settings.rpName())
			.build();
		return new Webauthn4JRelyingPartyOperations(users, store, rp, this.origins);
	}

	@EventListener
	void listening(WebServerInitializedEvent event) {
		if (this.settings.origins().isEmpty() && "localhost".equals(this.settings.rpId())) {
			this.origins.add("http://localhost:" + event.getWebServer().getPort());
		}
	}

}
