package org.kapclinic.operations;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.kapclinic.IntegrationTest;
import org.kapclinic.KapClinicApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The production guards read the real server (issue 17, "Production guards": each guard
 * has a test against the PostgreSQL server): a superuser login, a login that owns tables,
 * a role whose sessions commit without waiting, and a login with only kap_app's rights.
 * And the application itself refuses to start, outside the test profile, signed in as a
 * superuser with neither TLS nor a trusted proxy.
 */
class ProductionGuardsIT extends IntegrationTest {

	private static final String ROLE_PASSWORD = "guard-probe-2026";

	@Autowired
	DataSource application;

	/**
	 * The pool behind the application's DataSource (which keeps connections for writers).
	 */
	HikariDataSource dataSource;

	@BeforeEach
	void unwrapPool() throws SQLException {
		this.dataSource = this.application.unwrap(HikariDataSource.class);
	}

	@Test
	void theGuardsSeeWhatTheServerSays() throws Exception {
		String app = "guard_app_" + letters();
		String owner = "guard_owner_" + letters();
		asOwner("create role " + app + " login password '" + ROLE_PASSWORD + "' in role kap_app");
		// Durable commits for this login whatever the server's default (the embedded test
		// database runs without them).
		asOwner("alter role " + app + " set synchronous_commit = on");
		asOwner("create role " + owner + " login password '" + ROLE_PASSWORD + "'");
		asOwner("create schema " + owner + " authorization " + owner);
		asOwner("create table " + owner + ".probe (id int)");
		asOwner("alter table " + owner + ".probe owner to " + owner);
		try {
			ServerFacts superuser = ServerFacts.read(this.jdbc);
			assertThat(superuser.superuser()).as("the suite signs in as the superuser").isTrue();
			assertThat(ProductionGuards.problems(superuser, true)).anyMatch((p) -> p.contains("a superuser"));

			// The embedded test database runs without fsync (kap.embedded.durable=false),
			// a
			// server may not: the guard must say what this one says.
			String fsync = this.jdbc.sql("select current_setting('fsync')").query(String.class).single();
			ServerFacts appOnly = factsAs(app);
			assertThat(appOnly.superuser()).isFalse();
			assertThat(appOnly.ownedTables()).isZero();
			assertThat(appOnly.fsync()).isEqualTo(fsync);
			assertThat(ProductionGuards.problems(appOnly, true)).as("kap_app's rights only, durable commits")
				.hasSize(fsync.equals("off") ? 1 : 0);

			asOwner("alter role " + app + " set synchronous_commit = off");
			assertThat(ProductionGuards.problems(factsAs(app), true))
				.anyMatch((p) -> p.contains("synchronous_commit is off"));

			ServerFacts owning = factsAs(owner);
			assertThat(owning.ownedTables()).isEqualTo(1);
			assertThat(ProductionGuards.problems(owning, true)).anyMatch((p) -> p.contains("owns 1 tables"));
		}
		finally {
			asOwner("drop schema " + owner + " cascade");
			asOwner("drop role " + owner);
			asOwner("drop role " + app);
		}
	}

	@Test
	void theApplicationRefusesToStartAsASuperuserWithoutTls() {
		SpringApplicationBuilder production = new SpringApplicationBuilder(KapClinicApplication.class).properties(
				"spring.datasource.url=" + this.dataSource.getJdbcUrl(),
				"spring.datasource.username=" + this.dataSource.getUsername(),
				"spring.datasource.password=" + this.dataSource.getPassword(),
				"kap.datasource.migration-username=" + this.dataSource.getUsername(),
				"kap.datasource.migration-password=" + this.dataSource.getPassword(), "kap.audit.key=" + TEST_AUDIT_KEY,
				"kap.security.trusted-proxies=", "server.port=0", "kap.demo.enabled=false",
				"spring.main.banner-mode=off");
		assertThatThrownBy(production::run).hasRootCauseInstanceOf(UnsafeSettingsException.class)
			.rootCause()
			.hasMessageContaining("a superuser")
			.hasMessageContaining("Neither TLS");
	}

	private ServerFacts factsAs(String role) throws Exception {
		// Without the URL's own user parameter, which would win over the role named here.
		String url = this.dataSource.getJdbcUrl().replaceFirst("\\?.*$", "");
		try (Connection connection = DriverManager.getConnection(url, role, ROLE_PASSWORD)) {
			return ServerFacts.read(JdbcClient.create(new SingleConnectionDataSource(connection, true)));
		}
	}

	/** As the database owner (the suite's pool works as kap_app). */
	private void asOwner(String statement) {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.createStatement().execute("reset role");
			connection.createStatement().execute(statement);
			connection.createStatement().execute("set role kap_app");
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(statement, ex);
		}
	}

}
