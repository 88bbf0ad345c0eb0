package org.kapclinic;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Continuous WAL archiving for the embedded database (issue 17), the half of a
 * point-in-time backup that {@code scripts/backup} cannot do from outside: when
 * {@code kap.backup.wal-archive-dir} is set, every finished WAL segment is copied there,
 * and at least every {@code kap.backup.archive-timeout} while there are writes.
 *
 * <p>
 * The settings go into {@code kap-backup.conf} in the data directory, included from
 * {@code postgresql.conf}, rather than on the server's command line, because the archive
 * command is a shell command with quotes. The command follows the PostgreSQL manual
 * (25.3.1, "Setting Up WAL Archiving"): it never overwrites an archived segment
 * (succeeding only when the copy there is identical, as after a crash between copy and
 * acknowledgement), and it syncs the copy before renaming it into place, so a segment in
 * the archive is whole.
 */
final class EmbeddedArchiving {

	static final String CONFIG_FILE = "kap-backup.conf";

	private static final String INCLUDE = "include_if_exists = '" + CONFIG_FILE + "'";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedArchiving.class);

	private final Path archive;

	private final Duration timeout;

	/** {@code archive} null: archiving off. */
	EmbeddedArchiving(Path archive, Duration timeout) {
		if (archive != null && !archive.toString().matches("[A-Za-z0-9_./@:+ -]+")) {
			throw new IllegalArgumentException("kap.backup.wal-archive-dir may hold letters, digits, spaces and "
					+ "_ . / @ : + - only (it goes into a shell command): " + archive);
		}
		this.archive = (archive != null) ? archive.toAbsolutePath().normalize() : null;
		this.timeout = timeout;
	}

	/** Called on the data directory before the server starts. */
	void configure(File dataDirectory) {
		try {
			Path conf = dataDirectory.toPath().resolve("postgresql.conf");
			String main = Files.readString(conf, StandardCharsets.UTF_8);
			if (!main.contains(INCLUDE)) {
				Files.writeString(conf, main + "\n# Written by KAP Clinic (EmbeddedArchiving)\n" + INCLUDE + "\n",
						StandardCharsets.UTF_8);
			}
			Files.writeString(dataDirectory.toPath().resolve(CONFIG_FILE), settings(), StandardCharsets.UTF_8);
			if (this.archive != null) {
				Files.createDirectories(this.archive);
				log.info("WAL archiving to {} at least every {}", this.archive, this.timeout);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String settings() {
		StringBuilder conf = new StringBuilder(
				"# Written by KAP Clinic on every start from kap.backup.*; edits here are overwritten.\n");
		if (this.archive == null) {
			return conf.append("archive_mode = off\n").toString();
		}
		String target = this.archive + "/%f";
		String command = "if [ -f \"" + target + "\" ]; then cmp -s \"%p\" \"" + target + "\"; else cp \"%p\" \""
				+ target + ".part\" && sync \"" + target + ".part\" && mv \"" + target + ".part\" \"" + target
				+ "\"; fi";
		return conf.append("archive_mode = on\n")
			.append("archive_command = '")
			.append(command.replace("'", "''"))
			.append("'\n")
			.append("archive_timeout = '")
			.append(Math.max(1, this.timeout.toSeconds()))
			.append("s'\n")
			.toString();
	}

	/**
	 * A copy made by {@code scripts/restore} replays archived WAL up to its target time
	 * and then promotes itself; it takes connections (read-only) before that. Migrations
	 * and the app must wait for the end of recovery.
	 */
	static void awaitEndOfRecovery(DataSource postgres, Duration limit) throws SQLException {
		Instant deadline = Instant.now().plus(limit);
		boolean logged = false;
		while (true) {
			try (Connection connection = postgres.getConnection();
					Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("select pg_is_in_recovery()")) {
				result.next();
				if (!result.getBoolean(1)) {
					return;
				}
			}
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("The database is still replaying archived WAL after " + limit
						+ " (kap.embedded.startup-wait): see the server log in the data directory");
			}
			if (!logged) {
				log.info("The database is recovering from a backup (replaying archived WAL); waiting for it to open");
				logged = true;
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
