package org.kapclinic.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.zip.CRC32;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

/**
 * A Flyway migration that publishes shipped rule-set versions
 * ({@code eligibility/rule-sets/<version>.json}) that the database does not hold yet,
 * oldest first, so the last one becomes the version screenings use and a new database
 * gets the same history as an old one. Each published file is immutable like a SQL
 * migration: the checksum covers the files, so Flyway refuses to start after one is
 * edited. Subclasses are Spring beans, which Spring Boot hands to Flyway.
 */
abstract class RuleSetMigration extends BaseJavaMigration {

	private final MigrationVersion version;

	private final List<String> ruleSetVersions;

	/**
	 * @param migrationVersion the Flyway version, from the intake module's range
	 * @param ruleSetVersions the rule-set versions to publish when missing, oldest first
	 */
	RuleSetMigration(String migrationVersion, String... ruleSetVersions) {
		this.version = MigrationVersion.fromVersion(migrationVersion);
		this.ruleSetVersions = List.of(ruleSetVersions);
	}

	/**
	 * The class name does not follow Flyway's V&lt;n&gt;__ pattern; see the constructor.
	 */
	@Override
	protected void init() {
	}

	@Override
	public MigrationVersion getVersion() {
		return this.version;
	}

	@Override
	public String getDescription() {
		return "publish eligibility rule set " + this.ruleSetVersions.get(this.ruleSetVersions.size() - 1);
	}

	@Override
	public Integer getChecksum() {
		CRC32 crc = new CRC32();
		for (String ruleSetVersion : this.ruleSetVersions) {
			crc.update(bytes(ruleSetVersion));
		}
		return (int) crc.getValue();
	}

	@Override
	public void migrate(Context context) throws SQLException {
		JsonMapper json = JsonMapper.builder().build();
		Connection connection = context.getConnection();
		for (String ruleSetVersion : this.ruleSetVersions) {
			JsonNode document = json.readTree(bytes(ruleSetVersion));
			if (!ruleSetVersion.equals(RuleSet.parse(document).version())) {
				throw new IllegalStateException(file(ruleSetVersion) + " does not hold version " + ruleSetVersion);
			}
			if (!exists(connection, ruleSetVersion)) {
				publish(connection, ruleSetVersion, json.writeValueAsString(document));
			}
		}
	}

	private boolean exists(Connection connection, String ruleSetVersion) throws SQLException {
		try (PreparedStatement select = connection
			.prepareStatement("select exists (select 1 from intake.rule_set where version = ?)")) {
			select.setString(1, ruleSetVersion);
			try (ResultSet rs = select.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	/**
	 * Published after every version already there, even one stamped by a clock ahead of
	 * the database's, because the newest {@code published_at} is the current version.
	 */
	private void publish(Connection connection, String ruleSetVersion, String document) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("""
				insert into intake.rule_set (version, document, published_at, published_by)
				select ?, ?::jsonb, greatest(clock_timestamp(), max(published_at) + interval '1 millisecond'), ?
				from intake.rule_set""")) {
			insert.setString(1, ruleSetVersion);
			insert.setString(2, document);
			insert.setString(3, "Flyway migration intake " + this.version);
			insert.executeUpdate();
		}
	}

	private static String file(String ruleSetVersion) {
		return "eligibility/rule-sets/" + ruleSetVersion + ".json";
	}

	private static byte[] bytes(String ruleSetVersion) {
		try (InputStream in = new ClassPathResource(file(ruleSetVersion)).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
