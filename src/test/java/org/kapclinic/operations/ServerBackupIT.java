package org.kapclinic.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.util.FileSystemUtils;

import org.kapclinic.AppProcess;
import org.kapclinic.PostgresCluster;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scripts/backup --url} and {@code scripts/restore} on a PostgreSQL server (issue
 * 17): a server of the machine's binaries archiving its WAL as docs/operations.md says, a
 * base backup with {@code pg_basebackup}, rows before and after a noted time, and the
 * restored copy started with {@code pg_ctl}: the rows before are there, those after are
 * not. The embedded database's path is {@link RestoreDrillIT}.
 */
class ServerBackupIT {

	@Test
	void restoresAServerToTheNotedTime() throws Exception {
		Optional<Path> bin = PostgresCluster.binaries();
		Assumptions.assumeTrue(bin.isPresent(), "no PostgreSQL binaries under /usr/lib/postgresql");
		Path work = PostgresCluster.workDirectory("kap-server-backup");
		Path backups = work.resolve("backups");
		Path archive = Files.createDirectories(backups.resolve("wal"));
		PostgresCluster.giveToServerUser(backups);
		try (PostgresCluster server = PostgresCluster
			.initPrimary(bin.get(), work.resolve("server"), "archive_mode = on",
					"archive_command = 'test ! -f " + archive + "/%f && cp %p " + archive + "/%f'")
			.start()) {
			server.sql("postgres", "create table drill (label text primary key, at timestamptz default now())");
			server.sql("postgres", "insert into drill (label) values ('in the base backup')");
			Scripts.run("scripts/backup", "--to", backups.toString(), "--url", "jdbc:postgresql://127.0.0.1:"
					+ server.port() + "/postgres?user=postgres&targetServerType=primary");

			server.sql("postgres", "insert into drill (label) values ('before')");
			AppProcess.sleep(Duration.ofMillis(300));
			Instant target = Instant.now();
			AppProcess.sleep(Duration.ofMillis(300));
			server.sql("postgres", "insert into drill (label) values ('after')");
			String segment = server.sql("postgres", "select pg_walfile_name(pg_current_wal_lsn())");
			server.sql("postgres", "select pg_switch_wal()");
			awaitFile(archive.resolve(segment));

			Path restored = work.resolve("restored");
			Scripts.run("scripts/restore", "--from", backups.toString(), "--to", restored.toString(), "--target-time",
					target.toString());
			PostgresCluster.giveToServerUser(restored);
			try (PostgresCluster copy = PostgresCluster.existing(bin.get(), restored).start()) {
				awaitPromotion(copy);
				assertThat(copy.sql("postgres", "select string_agg(label, ',' order by at) from drill"))
					.isEqualTo("in the base backup,before");
			}
		}
		finally {
			FileSystemUtils.deleteRecursively(work);
		}
	}

	private static void awaitPromotion(PostgresCluster copy) {
		Instant deadline = Instant.now().plusSeconds(60);
		while (!"f".equals(copy.sql("postgres", "select pg_is_in_recovery()"))) {
			assertThat(Instant.now()).as("the restored copy opened within 60 s").isBefore(deadline);
			AppProcess.sleep(Duration.ofMillis(100));
		}
	}

	private static void awaitFile(Path file) {
		Instant deadline = Instant.now().plusSeconds(30);
		while (!Files.exists(file)) {
			assertThat(Instant.now()).as(file + " archived within 30 s").isBefore(deadline);
			AppProcess.sleep(Duration.ofMillis(50));
		}
	}

}
