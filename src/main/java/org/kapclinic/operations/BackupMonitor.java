package org.kapclinic.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the state of the backups for the status page and the metrics: base backups from
 * {@code kap.backup.dir} (each {@code base/<time>/backup.info} that
 * {@code scripts/backup} writes last), the WAL archiver from {@code pg_stat_archiver}
 * (readable by the app's login on the embedded database and a server alike). A scrape
 * reads it at most every 5 seconds.
 */
@Component
class BackupMonitor implements MeterBinder {

	private static final Duration FRESH = Duration.ofSeconds(5);

	private final JdbcClient jdbc;

	private final BackupSettings settings;

	private final Clock clock;

	private volatile BackupStatus cached;

	@Autowired
	BackupMonitor(JdbcClient jdbc, BackupSettings settings) {
		this(jdbc, settings, Clock.systemUTC());
	}

	BackupMonitor(JdbcClient jdbc, BackupSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		gauge(registry, "kap.backup.base.age", "seconds", "Age of the newest base backup (NaN: none found)",
				BackupStatus::baseBackupAgeSeconds);
		gauge(registry, "kap.backup.wal.archived.age", "seconds", "Time since a WAL segment was last archived",
				(status) -> (status.lastArchivedAt() != null)
						? Duration.between(status.lastArchivedAt(), status.checkedAt()).toMillis() / 1000.0
						: Double.NaN);
		gauge(registry, "kap.backup.archive.lag", "seconds",
				"How long the oldest write not yet archived has waited (0: none; NaN: archiving off)",
				BackupStatus::archiveLagSeconds);
		gauge(registry, "kap.backup.archive.failures", null, "Failed WAL archive attempts",
				(status) -> status.failedAttempts());
		gauge(registry, "kap.backup.warnings", null, "Backup problems shown on the backup status page",
				(status) -> status.warnings().size());
	}

	private void gauge(MeterRegistry registry, String name, String unit, String description,
			ToDoubleFunction<BackupStatus> value) {
		Gauge.builder(name, () -> value.applyAsDouble(recent()))
			.baseUnit(unit)
			.description(description)
			.register(registry);
	}

	private BackupStatus recent() {
		BackupStatus status = this.cached;
		if (status == null || status.checkedAt().plus(FRESH).isBefore(this.clock.instant())) {
			status = status();
			this.cached = status;
		}
		return status;
	}

	BackupStatus status() {
		Instant now = this.clock.instant();
		Archiver archiver = this.jdbc.sql("""
				select current_setting('archive_mode') <> 'off' as archiving, a.last_archived_wal,
				       a.last_archived_time as last_archived_time_at, a.failed_count, a.last_failed_wal,
				       a.last_failed_time as last_failed_time_at,
				       case when pg_is_in_recovery() then null else pg_walfile_name(pg_current_wal_lsn()) end
				           as current_wal
				from pg_stat_archiver a""").query(Archiver.class).single();
		List<Instant> backups = baseBackups();
		Instant lastBase = backups.isEmpty() ? null : backups.get(backups.size() - 1);
		Instant unarchivedSince = archiver.unarchivedSince();
		List<String> warnings = new ArrayList<>();
		if (!archiver.archiving()) {
			warnings.add("WAL archiving is off, so a restore can only go back to the last base backup. Set "
					+ "kap.backup.wal-archive-dir (embedded database) or archive_mode and archive_command "
					+ "(PostgreSQL server), then restart.");
		}
		if (archiver.lastFailedTime() != null && (archiver.lastArchivedTime() == null
				|| archiver.lastFailedTime().isAfter(archiver.lastArchivedTime()))) {
			warnings.add("Archiving WAL segment " + archiver.lastFailedWal() + " failed at " + archiver.lastFailedTime()
					+ " and has not succeeded since. Check the archive directory's free space, permissions and mount.");
		}
		if (unarchivedSince != null
				&& Duration.between(unarchivedSince, now).compareTo(this.settings.maxArchiveLag()) > 0) {
			warnings.add("Writes have waited more than " + minutes(this.settings.maxArchiveLag())
					+ " to be archived. Check the WAL archiver (server log) and the archive directory.");
		}
		if (this.settings.dir() == null) {
			warnings.add("kap.backup.dir is not set, so this page cannot see base backups. Set it to the "
					+ "directory that scripts/backup --to writes to.");
		}
		else if (lastBase == null) {
			warnings.add("No base backup in " + this.settings.dir() + ". Run scripts/backup --to " + this.settings.dir()
					+ " nightly (cron or a systemd timer; see docs/operations.md).");
		}
		else if (Duration.between(lastBase, now).compareTo(this.settings.maxBaseBackupAge()) > 0) {
			warnings.add("The newest base backup is older than " + hours(this.settings.maxBaseBackupAge())
					+ ". Check the nightly scripts/backup job and its log.");
		}
		return new BackupStatus(now, archiver.archiving(), lastBase, backups.size(), archiver.lastArchivedWal(),
				archiver.lastArchivedTime(), unarchivedSince, archiver.failedCount(),
				(archiver.lastFailedTime() != null) ? archiver.lastFailedWal() + " at " + archiver.lastFailedTime()
						: null,
				List.copyOf(warnings));
	}

	/** When each base backup finished, oldest first. */
	private List<Instant> baseBackups() {
		if (this.settings.dir() == null) {
			return List.of();
		}
		Path base = this.settings.dir().resolve("base");
		if (!Files.isDirectory(base)) {
			return List.of();
		}
		try (Stream<Path> entries = Files.list(base)) {
			return entries.map((entry) -> entry.resolve("backup.info"))
				.filter(Files::isRegularFile)
				.map(BackupMonitor::finished)
				.flatMap(Optional::stream)
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Optional<Instant> finished(Path info) {
		try (Stream<String> lines = Files.lines(info)) {
			return lines.filter((line) -> line.startsWith("finished="))
				.map((line) -> Instant.parse(line.substring("finished=".length()).strip()))
				.findFirst();
		}
		catch (IOException ex) {
			// A backup being removed by retention while we read: not a backup any more.
			return Optional.empty();
		}
	}

	private static String minutes(Duration duration) {
		return duration.toMinutes() + " minutes";
	}

	private static String hours(Duration duration) {
		return duration.toHours() + " hours";
	}

	/** A row of {@code pg_stat_archiver} and the segment being written. */
	record Archiver(boolean archiving, String lastArchivedWal, OffsetDateTime lastArchivedTimeAt, long failedCount,
			String lastFailedWal, OffsetDateTime lastFailedTimeAt, String currentWal) {

		Instant lastArchivedTime() {
			return (this.lastArchivedTimeAt != null) ? this.lastArchivedTimeAt.toInstant() : null;
		}

		Instant lastFailedTime() {
			return (this.lastFailedTimeAt != null) ? this.lastFailedTimeAt.toInstant() : null;
		}

		/**
		 * Writes wait to be archived when the segment being written comes after the last
		 * one archived (compared by name: timeline, then position). They came after the
		 * last archiving, so that time bounds their wait from above.
		 */
		Instant unarchivedSince() {
			// Nothing archived yet, or last a timeline's history file (after a
			// promotion): no segment name to compare with.
			if (!this.archiving || this.currentWal == null || this.lastArchivedWal == null
					|| !this.lastArchivedWal.matches("[0-9A-F]{24}.*")) {
				return null;
			}
			String archived = this.lastArchivedWal.substring(0, 24);
			return (this.currentWal.compareTo(archived) > 0) ? lastArchivedTime() : null;
		}

	}

}
