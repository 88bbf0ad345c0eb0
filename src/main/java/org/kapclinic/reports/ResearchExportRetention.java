package org.kapclinic.reports;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes research export files older than {@code kap.reports.export-retention}, hourly,
 * on one instance at a time: a de-identified extract should not outlive its use in the
 * clinic's database. The export's row stays (who asked, why, when, how many patients, the
 * file's SHA-256) as the record of the disclosure.
 */
@Component
class ResearchExportRetention {

	private static final Logger log = LoggerFactory.getLogger(ResearchExportRetention.class);

	private final JdbcClient jdbc;

	private final ReportSettings settings;

	private final Clock clock;

	ResearchExportRetention(JdbcClient jdbc, ReportSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	@Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.HOURS)
	@SchedulerLock(name = "research-export-retention", lockAtMostFor = "10m", lockAtLeastFor = "5s")
	public void purge() {
		Instant now = Instant.now(this.clock);
		int removed = this.jdbc.sql("""
				update reports.research_export set file = null, file_removed_at = ?
				where file is not null and finished_at < ?""")
			.params(Timestamp.from(now), Timestamp.from(now.minus(this.settings.exportRetention())))
			.update();
		if (removed > 0) {
			log.info("Research exports: {} files past kap.reports.export-retention removed", removed);
		}
	}

}
