package org.kapclinic.fhir;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code $export} jobs and their NDJSON parts (V119). */
@Component
class ExportJobs {

	/** One export as its poll sees it. */
	record ExportJob(UUID id, String owner, String requestUrl, List<String> types, String status, int patientsDone,
			String error, Instant transactionTime, Instant heartbeatAt, Instant expiresAt) {
	}

	/** One NDJSON file of a finished export. */
	record ExportFile(int part, String type, int count) {
	}

	private final JdbcClient jdbc;

	ExportJobs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void create(UUID id, String owner, ExportRequest request, String requestUrl, Instant now) {
		this.jdbc.sql("""
				insert into fhir.export_job (id, owner, level, request_url, types, since, type_filters, status,
				                             transaction_time, heartbeat_at)
				values (?, ?, ?, ?, ?, ?, ?, 'ACCEPTED', ?, ?)""")
			.params(id, owner, request.level(), requestUrl, request.types().toArray(String[]::new),
					(request.since() != null) ? Timestamp.from(request.since()) : null,
					request.typeFilters().toArray(String[]::new), Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	Optional<ExportJob> find(UUID id) {
		return this.jdbc.sql("select * from fhir.export_job where id = ?")
			.param(id)
			.query((rs, n) -> new ExportJob(rs.getObject("id", UUID.class), rs.getString("owner"),
					rs.getString("request_url"), Arrays.asList((String[]) rs.getArray("types").getArray()),
					rs.getString("status"), rs.getInt("patients_done"), rs.getString("error"),
					rs.getTimestamp("transaction_time").toInstant(), rs.getTimestamp("heartbeat_at").toInstant(),
					(rs.getTimestamp("expires_at") != null) ? rs.getTimestamp("expires_at").toInstant() : null))
			.optional();
	}

	/**
	 * Moves an unfinished job on: to RUNNING with its progress, or to an end state.
	 * @return false when the job is no longer unfinished (cancelled meanwhile)
	 */
	boolean advance(UUID id, String status, int patientsDone, String error, Instant now, Instant expiresAt) {
		return this.jdbc.sql("""
				update fhir.export_job set status = ?, patients_done = ?, error = ?, heartbeat_at = ?,
				    completed_at = case when ?::text in ('COMPLETE', 'FAILED') then ?::timestamptz end, expires_at = ?
				where id = ? and status in ('ACCEPTED', 'RUNNING')""")
			.params(status, patientsDone, error, Timestamp.from(now), status, Timestamp.from(now),
					(expiresAt != null) ? Timestamp.from(expiresAt) : null, id)
			.update() == 1;
	}

	/** Ends the job as CANCELLED or EXPIRED and deletes its files. */
	boolean end(UUID id, String status) {
		this.jdbc.sql("delete from fhir.export_file where job_id = ?").param(id).update();
		return this.jdbc
			.sql("update fhir.export_job set status = ? where id = ? and status in "
					+ "('ACCEPTED', 'RUNNING', 'COMPLETE')")
			.params(status, id)
			.update() == 1;
	}

	/** Ends an unfinished job as FAILED with why, deleting what it had written. */
	void fail(UUID id, String error, Instant now) {
		this.jdbc.sql("delete from fhir.export_file where job_id = ?").param(id).update();
		this.jdbc.sql("""
				update fhir.export_job set status = 'FAILED', error = ?, completed_at = ?, heartbeat_at = ?
				where id = ? and status in ('ACCEPTED', 'RUNNING')""")
			.params(error, Timestamp.from(now), Timestamp.from(now), id)
			.update();
	}

	/** Finished exports whose files are past their expiry. */
	List<UUID> expired(Instant now) {
		return this.jdbc.sql("select id from fhir.export_job where status = 'COMPLETE' and expires_at <= ?")
			.param(Timestamp.from(now))
			.query(UUID.class)
			.list();
	}

	void addFile(UUID id, int part, String type, int count, String ndjson) {
		this.jdbc.sql("""
				insert into fhir.export_file (job_id, part, resource_type, resource_count, ndjson)
				values (?, ?, ?, ?, ?)""").params(id, part, type, count, ndjson).update();
	}

	List<ExportFile> files(UUID id) {
		return this.jdbc
			.sql("select part, resource_type, resource_count from fhir.export_file where job_id = ? order by part")
			.param(id)
			.query((rs, n) -> new ExportFile(rs.getInt(1), rs.getString(2), rs.getInt(3)))
			.list();
	}

	Optional<String> ndjson(UUID id, int part) {
		return this.jdbc.sql("select ndjson from fhir.export_file where job_id = ? and part = ?")
			.params(id, part)
			.query(String.class)
			.optional();
	}

}
