package org.kapclinic.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the backup status page and metrics show: the newest base backup in the backup
 * directory, the WAL archiver's progress from {@code pg_stat_archiver}, and what needs an
 * administrator's attention.
 *
 * @param archiving whether the server archives WAL at all
 * @param lastBaseBackup when the newest base backup finished (null: none found)
 * @param baseBackups how many base backups the directory holds
 * @param lastArchivedWal the newest archived segment's file name (null: none yet)
 * @param lastArchivedAt when it was archived
 * @param unarchivedSince writes are waiting to be archived since about then (null: none
 * are)
 * @param failedAttempts failed archive attempts since the server's statistics were reset
 * @param lastFailure when the archiver last failed, and on which segment
 * @param warnings what to act on, each saying what to do
 */
public record BackupStatus(Instant checkedAt, boolean archiving, Instant lastBaseBackup, int baseBackups,
		String lastArchivedWal, Instant lastArchivedAt, Instant unarchivedSince, long failedAttempts,
		String lastFailure, List<String> warnings) {

	/** Seconds since the newest base backup; NaN when there is none. */
	public double baseBackupAgeSeconds() {
		return secondsSince(this.lastBaseBackup);
	}

	/**
	 * Seconds the oldest unarchived write has waited: 0 when everything is archived, NaN
	 * when archiving is off.
	 */
	public double archiveLagSeconds() {
		if (!this.archiving) {
			return Double.NaN;
		}
		return (this.unarchivedSince != null) ? secondsSince(this.unarchivedSince) : 0;
	}

	private double secondsSince(Instant then) {
		return (then != null) ? Duration.between(then, this.checkedAt).toMillis() / 1000.0 : Double.NaN;
	}

}
