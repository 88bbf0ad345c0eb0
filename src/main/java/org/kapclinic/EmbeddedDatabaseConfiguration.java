package org.kapclinic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts a real PostgreSQL from the JVM when no {@code spring.datasource.url} is
 * configured, so the app and the test suite run on a fresh machine with only a JDK. Data
 * lives under {@code kap.data-dir} (default {@code ./data}) and survives restarts.
 * Production sets {@code spring.datasource.url} and this configuration steps aside.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceConfigured.class)
class EmbeddedDatabaseConfiguration {

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
			@Value("${kap.embedded.durable:true}") boolean durable) throws IOException {
		Path directory = Path.of(dataDir, "postgres").toAbsolutePath();
		Files.createDirectories(directory.getParent());
		return EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.setServerConfig("max_connections", "60")
			.setServerConfig("timezone", "UTC")
			.setServerConfig("fsync", durable ? "on" : "off")
			.setServerConfig("synchronous_commit", durable ? "on" : "off")
			.start();
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		return dataSource;
	}

	static class NoDatasourceConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
		}

	}

}
