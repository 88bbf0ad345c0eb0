package org.kapclinic.fhir;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bulk Data {@code $export}.
 *
 * @param retention how long a finished export's files may be downloaded before they are
 * deleted (Bulk Data Access 2.0 lets the server choose; 24 hours by default, long enough
 * for a nightly client to fetch them, short enough that copies of charts do not pile up)
 * @param resourcesPerFile the most resources in one NDJSON file (a type with more is
 * split across files, as the specification allows)
 * @param patientsPerBatch how many patients are read and written together
 * @param threads how many patients are read and encoded at once (default: one per core)
 */
@ConfigurationProperties("kap.fhir.export")
record BulkExportSettings(Duration retention, Integer resourcesPerFile, Integer patientsPerBatch, Integer threads) {

	BulkExportSettings {
		retention = (retention == null) ? Duration.ofHours(24) : retention;
		resourcesPerFile = (resourcesPerFile == null) ? 10_000 : resourcesPerFile;
		patientsPerBatch = (patientsPerBatch == null) ? 200 : patientsPerBatch;
		threads = (threads == null) ? Runtime.getRuntime().availableProcessors() : threads;
	}

}
