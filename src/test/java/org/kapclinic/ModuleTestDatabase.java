package org.kapclinic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database of an {@code @ApplicationModuleTest}
 * ({@code @ContextConfiguration(initializers = ModuleTestDatabase.class)}): one embedded
 * PostgreSQL for the test JVM, shared by every module test's context, so only the first
 * pays for starting it and for the migrations (Flyway as the owner; the module works as
 * {@code kap_app}, as the application does, V82). Tests tell their rows apart by random
 * ids. A datasource URL makes the application's own {@code EmbeddedDatabaseConfiguration}
 * step aside.
 */
public class ModuleTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static EmbeddedPostgres postgres;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String url = postgres().getJdbcUrl("postgres", "postgres");
		// Java migrations are beans of their module (intake's rule sets, V40), so only
		// that
		// module's context resolves them: the database every module test shares takes V40
		// when the intake module first boots (out of order), and the other modules'
		// contexts, which do not resolve it, accept it as applied.
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("module-test-database",
					Map.of("spring.datasource.url", url, "spring.datasource.username", "postgres",
							"spring.datasource.hikari.connection-init-sql", "set role kap_app",
							"spring.datasource.hikari.maximum-pool-size", "8", "spring.flyway.url", url,
							"spring.flyway.user", "postgres", "spring.flyway.out-of-order", "true",
							"spring.flyway.ignore-migration-patterns", "*:missing")));
	}

	/**
	 * The owner's connection, for a test to set up rows of other modules' tables (the
	 * patient a task is about) without those modules.
	 */
	public static JdbcClient owner() {
		return JdbcClient.create(ownerDataSource());
	}

	/**
	 * A synthetic patient (obviously fictional) in the patient module's table, for rows
	 * of other modules that refer to one; returns its id.
	 */
	public static UUID newPatient() {
		UUID id = UUID.randomUUID();
		owner().sql("""
				insert into patient.patient (id, mrn, given_name, family_name, birth_date, family_key, given_key,
				    created_at, updated_at, version)
				values (?, ?, 'Tessa', 'Testcase', date '1990-01-01', 'testcase', 'tessa', now(), now(), 0)""")
			.params(id, mrn(id))
			.update();
		return id;
	}

	/**
	 * True once every listener of the events naming {@code id} has run: the event
	 * publication registry deletes a publication when its listener completes
	 * ({@code spring.modulith.events.completion-mode=delete}). For a test that expects an
	 * asynchronous listener to change nothing.
	 */
	public static boolean eventsHandled(UUID id) {
		return owner()
			.sql("select not exists (select 1 from operations.event_publication where serialized_event like ?)")
			.param("%" + id + "%")
			.query(Boolean.class)
			.single();
	}

	/** The MRN {@link #newPatient} gave. */
	public static String mrn(UUID patientId) {
		return "T" + patientId.toString().substring(0, 8);
	}

	private static DataSource ownerDataSource() {
		return postgres().getPostgresDatabase();
	}

	private static synchronized EmbeddedPostgres postgres() {
		if (postgres == null) {
			try {
				// Throw-away data: no fsync, as the integration tests' embedded
				// databases.
				// Stopped after Spring has closed the module contexts, not by the
				// library's own JVM hook beside them: a context closing after the
				// database had gone waited out its pool's 30 s for the event registry's
				// last look, and surefire killed the JVM (30 s of every ./mvnw verify).
				EmbeddedPostgres started = EmbeddedPostgres.builder()
					.setServerConfig("timezone", "UTC")
					.setServerConfig("fsync", "off")
					.setServerConfig("synchronous_commit", "off")
					.setRegisterShutdownHook(false)
					.start();
				SpringApplication.getShutdownHandlers().add(() -> close(started));
				postgres = started;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return postgres;
	}

	private static void close(EmbeddedPostgres started) {
		try {
			started.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
