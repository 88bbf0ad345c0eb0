package org.kapclinic.operations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backup status (issue 17) reads what {@code scripts/backup} leaves and what the
 * database's WAL archiver reports, and warns with what to do. The suite's database does
 * not archive, which the status says; base backups are set up as the script writes them.
 * An administrator finding it in the menu is walked in {@link BackupStatusBrowserIT}.
 */
class BackupStatusIT extends IntegrationTest {

	@TempDir
	Path backups;

	@Test
	void warnsWhenTheNewestBaseBackupIsOlderThanTheLimit() throws Exception {
		Instant now = Instant.parse("2026-12-03T12:00:00Z");
		baseBackup("2026-12-02T02-00-00Z", "2026-12-02T02:03:00.250Z");
		baseBackup("2026-12-03T02-00-00Z", "2026-12-03T02:04:00.500Z");
		// Half-written by a backup still running: not counted.
		Files.createDirectories(this.backups.resolve("base/2026-12-04T02-00-00Z.partial"));

		BackupStatus fresh = monitor(now).status();
		assertThat(fresh.baseBackups()).isEqualTo(2);
		assertThat(fresh.lastBaseBackup()).isEqualTo(Instant.parse("2026-12-03T02:04:00.500Z"));
		assertThat(fresh.baseBackupAgeSeconds()).isEqualTo(9 * 3600 + 55 * 60 + 59.5);
		assertThat(fresh.warnings())
			.noneMatch((w) -> w.startsWith("The newest base backup") || w.startsWith("No base backup"));

		// 26 hours and a second after the newest one: past the default limit.
		BackupStatus stale = monitor(Instant.parse("2026-12-04T04:04:01.500Z")).status();
		assertThat(stale.warnings()).anyMatch((w) -> w.startsWith("The newest base backup is older than 26 hours"));
		BackupStatus atLimit = monitor(Instant.parse("2026-12-04T04:04:00.500Z")).status();
		assertThat(atLimit.warnings()).noneMatch((w) -> w.startsWith("The newest base backup"));
	}

	@Test
	void saysWhatToDoWhenThereIsNoBackupOrArchiving() {
		BackupStatus status = monitor(Instant.now()).status();
		assertThat(status.archiving()).as("the suite's database does not archive").isFalse();
		assertThat(status.archiveLagSeconds()).isNaN();
		assertThat(status.baseBackupAgeSeconds()).isNaN();
		assertThat(status.warnings()).anyMatch((w) -> w.startsWith("WAL archiving is off"))
			.anyMatch((w) -> w.startsWith("No base backup in " + this.backups + ". Run scripts/backup"));

		BackupStatus unset = new BackupMonitor(this.jdbc, new BackupSettings(null, null, null, null, null)).status();
		assertThat(unset.warnings()).anyMatch((w) -> w.startsWith("kap.backup.dir is not set"));
	}

	private BackupMonitor monitor(Instant now) {
		return new BackupMonitor(this.jdbc, new BackupSettings(null, null, this.backups, null, null),
				Clock.fixed(now, ZoneOffset.UTC));
	}

	private void baseBackup(String name, String finished) throws Exception {
		Path dir = Files.createDirectories(this.backups.resolve("base").resolve(name));
		Files.writeString(dir.resolve("backup.info"),
				"source=embedded\nstarted=" + finished + "\nfinished=" + finished + "\nserver_version=17\n");
	}

}
