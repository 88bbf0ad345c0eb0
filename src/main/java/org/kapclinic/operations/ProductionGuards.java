package org.kapclinic.operations;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses a start on a PostgreSQL server with settings that lose acknowledged writes or
 * let the application rewrite its own audit trail (issue 17, "Production guards"). They
 * apply when {@code spring.datasource.url} names a server, outside the {@code test}
 * profile; the embedded database is for trying the software out. The audit key's guard
 * lives with the key ({@code audit/AuditKey}: no start on a server without
 * {@code KAP_AUDIT_KEY}).
 */
@Component
class ProductionGuards implements InitializingBean {

	private final JdbcClient jdbc;

	private final Environment environment;

	ProductionGuards(JdbcClient jdbc, Environment environment) {
		this.jdbc = jdbc;
		this.environment = environment;
	}

	@Override
	public void afterPropertiesSet() {
		if (!this.environment.containsProperty("spring.datasource.url")
				|| this.environment.acceptsProfiles(Profiles.of("test"))) {
			return;
		}
		List<String> problems = problems(ServerFacts.read(this.jdbc), tlsOrTrustedProxy(this.environment));
		if (!problems.isEmpty()) {
			throw new UnsafeSettingsException(problems);
		}
	}

	/** What is wrong with these facts; empty when nothing is. */
	static List<String> problems(ServerFacts server, boolean tlsOrTrustedProxy) {
		List<String> problems = new ArrayList<>();
		if ("off".equalsIgnoreCase(server.fsync())) {
			problems.add("PostgreSQL runs with fsync = off: a power cut can lose or corrupt acknowledged records. "
					+ "Set fsync = on in postgresql.conf.");
		}
		if ("off".equalsIgnoreCase(server.synchronousCommit())) {
			problems.add("synchronous_commit is off for the application's sessions: a crash loses the last "
					+ "acknowledged writes. Set synchronous_commit = on (server, database and role settings).");
		}
		if (server.superuser()) {
			problems.add("The application signs in to PostgreSQL as " + server.login() + ", a superuser: it could "
					+ "rewrite the audit trail. Sign in as kap_app (spring.datasource.username) and migrate as the "
					+ "owner (kap.datasource.migration-username and -password).");
		}
		else if (server.ownedTables() > 0) {
			problems.add("The application signs in to PostgreSQL as " + server.login() + ", which owns "
					+ server.ownedTables() + " tables: it could alter or drop them and switch the audit trail's "
					+ "triggers off. Sign in as kap_app and migrate as the owner (kap.datasource.migration-username "
					+ "and -password).");
		}
		if (!tlsOrTrustedProxy) {
			problems
				.add("Neither TLS (server.ssl.*) nor a trusted TLS-terminating proxy (kap.security.trusted-proxies) "
						+ "is configured: passwords and records would cross the network in clear.");
		}
		return problems;
	}

	private static boolean tlsOrTrustedProxy(Environment environment) {
		boolean tls = environment.getProperty("server.ssl.enabled", Boolean.class, true)
				&& (environment.containsProperty("server.ssl.bundle")
						|| environment.containsProperty("server.ssl.key-store")
						|| environment.containsProperty("server.ssl.certificate"));
		String proxies = environment.getProperty("kap.security.trusted-proxies", "");
		return tls || !proxies.isBlank();
	}

}
