package org.kapclinic.audit;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The audit chain's key and checkpoints ({@code kap.audit.*}).
 *
 * @param key the HMAC-SHA256 key of the audit chain, base64, at least 32 bytes (env
 * {@code KAP_AUDIT_KEY}). It must live outside the database, or whoever can write the
 * database can rewrite the chain. Required with a PostgreSQL server; the embedded
 * database generates one and keeps it in {@code audit.key} in the data directory (mode
 * 600), outside the database files.
 * @param checkpointDir where signed checkpoints of the chain are written, outside the
 * database ({@code <kap.data-dir>/audit-checkpoints} by default; in production a mount
 * the database host cannot write, such as write-once storage)
 * @param checkpointInterval how often a checkpoint is written when the chain has grown (1
 * min): rows appended after the newest checkpoint can be removed by the database owner
 * without a trace for at most this long
 * @param checkpointMailTo the clinic's security contact, who gets the newest checkpoint
 * by e-mail (a copy outside anything the database owner controls); empty: none is sent
 * @param checkpointMailInterval at most one checkpoint mail this often (1 day)
 */
@ConfigurationProperties("kap.audit")
record AuditSettings(String key, Path checkpointDir, Duration checkpointInterval, String checkpointMailTo,
		Duration checkpointMailInterval) {

	AuditSettings {
		checkpointInterval = (checkpointInterval == null) ? Duration.ofMinutes(1) : checkpointInterval;
		checkpointMailInterval = (checkpointMailInterval == null) ? Duration.ofDays(1) : checkpointMailInterval;
	}

}
