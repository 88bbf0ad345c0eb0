package org.kapclinic.operations;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Backups ({@code kap.backup.*}, issue 17; how to take and restore them: README and
 * docs/operations.md).
 *
 * @param walArchiveDir where the embedded database archives finished WAL segments (unset:
 * no archiving, so no point-in-time restore); usually {@code BACKUP_DIR/wal}. A
 * PostgreSQL server archives with its own {@code archive_command} instead.
 * @param archiveTimeout the embedded database switches to a new WAL segment, and so
 * archives, at least this often while there are writes (60 s): the most acknowledged
 * writes a lost disk can take with it, the RPO.
 * @param dir the directory {@code scripts/backup --to} writes base backups into, read by
 * the backup status page (unset: the page cannot see base backups and says so)
 * @param maxBaseBackupAge the status page warns, and {@code kap_backup_warnings} counts,
 * when the newest base backup is older (26 h: a nightly backup, with two hours' grace)
 * @param maxArchiveLag the page warns when writes have waited longer than this to be
 * archived (10 min: ten times the default archive timeout)
 */
@ConfigurationProperties("kap.backup")
public record BackupSettings(Path walArchiveDir, Duration archiveTimeout, Path dir, Duration maxBaseBackupAge,
		Duration maxArchiveLag) {

	public BackupSettings {
		archiveTimeout = (archiveTimeout != null) ? archiveTimeout : Duration.ofSeconds(60);
		maxBaseBackupAge = (maxBaseBackupAge != null) ? maxBaseBackupAge : Duration.ofHours(26);
		maxArchiveLag = (maxArchiveLag != null) ? maxArchiveLag : Duration.ofMinutes(10);
	}

}
