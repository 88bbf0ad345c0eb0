package org.kapclinic.reports;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A research export request and how far it got.
 *
 * @param status QUEUED, RUNNING, DONE or FAILED
 * @param rows data rows per file, once done
 * @param file where to download the ZIP (null until done, or once removed after
 * {@code kap.reports.export-retention})
 */
public record ResearchExport(UUID id, String purpose, Instant requestedAt, String status, Instant startedAt,
		Instant finishedAt, Integer patients, Map<String, Integer> rows, String fileSha256, String file, String error) {
}
