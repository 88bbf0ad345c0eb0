package org.kapclinic.reports;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Runs a requested research export in the background, after the request has committed:
 * QUEUED → RUNNING → DONE with the ZIP and its SHA-256, or FAILED with the reason. An
 * export already done is not run again when its event is replayed after a restart.
 */
@Component
class ResearchExportJob {

	private static final Logger log = LoggerFactory.getLogger(ResearchExportJob.class);

	private final JdbcClient jdbc;

	private final ResearchExportWriter writer;

	private final JsonMapper json;

	private final Clock clock;

	ResearchExportJob(JdbcClient jdbc, ResearchExportWriter writer, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.writer = writer;
		this.json = json;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(ResearchExportRequested requested) {
		String purpose = this.jdbc.sql("""
				update reports.research_export set status = 'RUNNING', started_at = ?
				where id = ? and status in ('QUEUED', 'RUNNING') returning purpose""")
			.params(Timestamp.from(Instant.now(this.clock)), requested.exportId())
			.query(String.class)
			.optional()
			.orElse(null);
		if (purpose == null) {
			return;
		}
		long started = System.nanoTime();
		try {
			ByteArrayOutputStream zip = new ByteArrayOutputStream();
			Map<String, Integer> rows = this.writer.write(zip, purpose, Instant.now(this.clock));
			byte[] file = zip.toByteArray();
			int patients = rows.getOrDefault("patients.csv", 0);
			this.jdbc.sql("""
					update reports.research_export set status = 'DONE', finished_at = ?, patients = ?,
					    row_counts = ?::jsonb, file = ?, file_sha256 = ? where id = ?""")
				.params(Timestamp.from(Instant.now(this.clock)), patients, this.json.writeValueAsString(rows), file,
						sha256(file), requested.exportId())
				.update();
			log.info("Research export {}: {} patients, {} bytes in {} ms", requested.exportId(), patients, file.length,
					(System.nanoTime() - started) / 1_000_000);
		}
		catch (RuntimeException ex) {
			log.error("Research export {} failed", requested.exportId(), ex);
			this.jdbc.sql("""
					update reports.research_export set status = 'FAILED', finished_at = ?, error = ? where id = ?""")
				.params(Timestamp.from(Instant.now(this.clock)),
						"the export stopped with an error (" + ex.getClass().getSimpleName()
								+ "); the log has the details: request it again",
						requested.exportId())
				.update();
		}
	}

	private static String sha256(byte[] file) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
