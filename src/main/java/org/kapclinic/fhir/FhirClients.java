package org.kapclinic.fhir;

import java.net.URI;
import java.security.interfaces.RSAPublicKey;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Backend services registered for the FHIR API by an administrator, with their public
 * keys and the scopes they may ask for. Keys must be able to sign RS384 (RSA, 2048 bits
 * or more) or ES384 (EC P-384), the algorithms SMART Backend Services requires servers to
 * support.
 */
@Service
class FhirClients {

	private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	private final Clock clock;

	FhirClients(JdbcClient jdbc, CurrentUser currentUser, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	FhirClient register(FhirClientRequest request) {
		StaffMember admin = this.currentUser.require();
		if (!admin.has(Role.ADMIN)) {
			throw new AccessDeniedException("Only administrators register FHIR clients");
		}
		String jwks = check(request);
		byte[] random = new byte[16];
		RANDOM.nextBytes(random);
		FhirClient client = new FhirClient(UUID.randomUUID(), "kap-" + HexFormat.of().formatHex(random),
				request.name().trim(), List.copyOf(request.scopes()), request.external() == null || request.external(),
				jwks, blankToNull(request.jwksUrl()), Instant.now(this.clock), null);
		this.jdbc
			.sql("""
					insert into fhir.client (id, client_id, name, jwks, jwks_url, scopes, external, registered_at, registered_by)
					values (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)""")
			.params(client.id(), client.clientId(), client.name(), client.jwks(), client.jwksUrl(),
					client.scopes().toArray(String[]::new), client.external(), Timestamp.from(client.registeredAt()),
					admin.id())
			.update();
		this.audit.record(AuditEvent.of(AuditAction.PRIVILEGE_CHANGE, "FhirClient", client.id())
			.category(DataCategory.SECURITY)
			.detail("registered FHIR client " + client.clientId() + " scopes=" + client.scopes()));
		return client;
	}

	List<FhirClient> all() {
		StaffMember admin = this.currentUser.require();
		if (!admin.has(Role.ADMIN)) {
			throw new AccessDeniedException("Only administrators see FHIR clients");
		}
		return this.jdbc.sql("select * from fhir.client order by registered_at").query(FhirClients::map).list();
	}

	/** A client that may still ask for tokens. */
	Optional<FhirClient> active(String clientId) {
		return this.jdbc.sql("select * from fhir.client where client_id = ? and revoked_at is null")
			.param(clientId)
			.query(FhirClients::map)
			.optional();
	}

	Optional<FhirClient> activeById(UUID id) {
		return this.jdbc.sql("select * from fhir.client where id = ? and revoked_at is null")
			.param(id)
			.query(FhirClients::map)
			.optional();
	}

	/** The request's problems, all at once; the JWK Set as stored when it is fine. */
	private static String check(FhirClientRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		boolean inline = request.jwks() != null && !request.jwks().isEmpty();
		boolean url = request.jwksUrl() != null && !request.jwksUrl().isBlank();
		String jwks = null;
		if (inline == url) {
			problems.add(new FieldProblem("jwks", "send the client's public keys as jwks or a jwksUrl (one of them)"));
		}
		if (inline) {
			try {
				JWKSet set = JWKSet.parse(request.jwks());
				for (JWK key : set.getKeys()) {
					if (key.isPrivate()) {
						problems.add(new FieldProblem("jwks", "holds a private key: send the public keys only"));
					}
					else if (!usable(key)) {
						problems.add(new FieldProblem("jwks", "key " + key.getKeyID()
								+ " cannot sign RS384 (RSA, 2048 bits or more) or ES384 (EC P-384)"));
					}
				}
				if (set.getKeys().isEmpty()) {
					problems.add(new FieldProblem("jwks", "holds no key"));
				}
				jwks = set.toString(true);
			}
			catch (java.text.ParseException ex) {
				problems.add(new FieldProblem("jwks", "is not a JWK Set: " + ex.getMessage()));
			}
		}
		if (url && !fetchable(request.jwksUrl().trim())) {
			problems.add(new FieldProblem("jwksUrl", "must be an https URL"));
		}
		for (String scope : request.scopes()) {
			var m = SmartScopes.SCOPE.matcher(scope);
			if (!m.matches()) {
				problems.add(new FieldProblem("scopes",
						"'" + scope + "' is not a SMART system scope such as system/Patient.rs or system/*.read"));
			}
			else if (!m.group(1).equals("*") && !SmartScopes.RESOURCE_TYPES.contains(m.group(1))) {
				problems.add(new FieldProblem("scopes",
						"'" + scope + "': this server holds "
								+ String.join(", ", SmartScopes.RESOURCE_TYPES.stream().sorted().toList())
								+ " (or * for all)"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return jwks;
	}

	private static boolean usable(JWK key) {
		if (key instanceof RSAKey rsa) {
			try {
				return ((RSAPublicKey) rsa.toPublicKey()).getModulus().bitLength() >= 2048;
			}
			catch (com.nimbusds.jose.JOSEException ex) {
				return false;
			}
		}
		return key instanceof ECKey ec && Curve.P_384.equals(ec.getCurve());
	}

	/** https, or plain http on this machine (tests, a client beside the server). */
	private static boolean fetchable(String url) {
		try {
			URI uri = URI.create(url);
			String host = uri.getHost();
			return "https".equals(uri.getScheme())
					|| ("http".equals(uri.getScheme()) && ("localhost".equals(host) || "127.0.0.1".equals(host)));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

	private static FhirClient map(ResultSet rs, int n) throws SQLException {
		Array scopes = rs.getArray("scopes");
		Timestamp revoked = rs.getTimestamp("revoked_at");
		return new FhirClient(rs.getObject("id", UUID.class), rs.getString("client_id"), rs.getString("name"),
				Arrays.asList((String[]) scopes.getArray()), rs.getBoolean("external"), rs.getString("jwks"),
				rs.getString("jwks_url"), rs.getTimestamp("registered_at").toInstant(),
				(revoked != null) ? revoked.toInstant() : null);
	}

}
