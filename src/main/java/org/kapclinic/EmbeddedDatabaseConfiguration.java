package org.kapclinic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.kapclinic.operations.BackupSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL from the JVM when no {@code spring.datasource.url} is
 * configured, so the app and the test suite run on a fresh machine with only a JDK. Data
 * lives under {@code kap.data-dir} (default {@code ./data}) and survives restarts.
 * Production sets {@code spring.datasource.url} and this configuration steps aside.
 *
 * <p>
 * As on a server (issue 16 finding 3): connections need a password (scram-sha-256; the
 * password is generated once and kept in {@code postgres.password} in the data directory,
 * mode 600), Flyway migrates as the owner, and the application works as {@code kap_app},
 * which only appends to the audit trail.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceConfigured.class)
class EmbeddedDatabaseConfiguration {

	static final String PASSWORD_FILE = "postgres.password";

	/**
	 * The embedded server library starts PostgreSQL without fsync ({@code -F}) and with
	 * {@code synchronous_commit} off: fine for throw-away test databases, but a committed
	 * write could then be lost in a crash (security.md 0.9). Data under {@code ./data} is
	 * kept, and benchmarks must measure durable commits, so both are back on unless
	 * {@code kap.embedded.durable=false} (the integration tests' throw-away databases;
	 * their second CI pass runs on a server with durable defaults). A later {@code -c}
	 * overrides the library's {@code -F}.
	 */
	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(@Value("${kap.data-dir:./data}") String dataDir,
			@Value("${kap.embedded.durable:true}") boolean durable, BackupSettings backup,
			@Value("${kap.embedded.startup-wait:10m}") Duration startupWait) throws IOException, SQLException {
		Path directory = Path.of(dataDir, "postgres").toAbsolutePath();
		Files.createDirectories(directory.getParent());
		String password = password(directory.getParent().resolve(PASSWORD_FILE));
		EmbeddedArchiving archiving = new EmbeddedArchiving(backup.walArchiveDir(), backup.archiveTimeout());
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			// A restored copy replays archived WAL before it opens (scripts/restore).
			.setPGStartupWait(startupWait)
			// Spring closes this bean after the web server has drained its requests and
			// the
			// vitals group commit has flushed (graceful shutdown); the library's own JVM
			// shutdown hook would stop the database at once, under requests in flight.
			.setRegisterShutdownHook(false)
			.setDataDirectoryCustomizer(archiving::configure)
			.setServerConfig("max_connections", "60")
			.setServerConfig("timezone", "UTC")
			.setServerConfig("fsync", durable ? "on" : "off")
			.setServerConfig("synchronous_commit", durable ? "on" : "off")
			.setServerConfig("password_encryption", "scram-sha-256")
			.setConnectConfig("password", password)
			.start();
		EmbeddedArchiving.awaitEndOfRecovery(postgres.getPostgresDatabase(), startupWait);
		requirePasswords(postgres, directory, password);
		return postgres;
	}

	/** The application's pool: as {@code kap_app}, which V82 creates. */
	@Bean
	@Primary
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgres postgres, @Value("${kap.data-dir:./data}") String dataDir)
			throws IOException {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		dataSource.setPassword(password(Path.of(dataDir, PASSWORD_FILE).toAbsolutePath()));
		dataSource.setConnectionInitSql("set role kap_app");
		return dataSource;
	}

	/** Flyway migrates as the owner. */
	@Bean
	@FlywayDataSource
	DataSource flywayDataSource(EmbeddedPostgres postgres) {
		return postgres.getPostgresDatabase();
	}

	/** The password, generated on first start and kept readable by the owner only. */
	static String password(Path file) throws IOException {
		if (Files.exists(file)) {
			return Files.readString(file, StandardCharsets.US_ASCII).strip();
		}
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Files.writeString(file, password + "\n", StandardCharsets.US_ASCII);
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system (Windows): the data directory's own access rules
			// apply.
		}
		return password;
	}

	/**
	 * The library creates clusters that trust every local connection; this sets the
	 * owner's password and makes every connection present it, then reloads the server's
	 * configuration (a data directory from before keeps working, with a password now).
	 */
	private static void requirePasswords(EmbeddedPostgres postgres, Path directory, String password)
			throws IOException, SQLException {
		Path hba = directory.resolve("pg_hba.conf");
		String rules = """
				# Written by KAP Clinic (EmbeddedDatabaseConfiguration): a password for every connection.
				local   all   all                 scram-sha-256
				host    all   all   127.0.0.1/32  scram-sha-256
				host    all   all   ::1/128       scram-sha-256
				""";
		if (Files.readString(hba).equals(rules)) {
			return;
		}
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("alter role postgres password '" + password.replace("'", "''") + "'");
			Files.writeString(hba, rules);
			statement.execute("select pg_reload_conf()");
		}
	}

	static class NoDatasourceConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
		}

	}

}
