package org.kapclinic.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.StepUp;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * De-identified research exports (issue 18): an administrator asks with a written purpose
 * (and a fresh second factor where they have one); the export runs in the background
 * ({@link ResearchExportJob}) and its ZIP is kept for
 * {@code kap.reports.export-retention}. Asking and downloading are audited as exports.
 */
@Service
@Transactional
@PreAuthorize("hasRole('ADMIN')")
public class ResearchExports {

	static final String RESOURCE = "ResearchExport";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final CurrentUser currentUser;

	private final StepUp stepUp;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final ReportSettings settings;

	private final Clock clock;

	ResearchExports(JdbcClient jdbc, JsonMapper json, CurrentUser currentUser, StepUp stepUp, AuditTrail audit,
			ApplicationEventPublisher events, ReportSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.currentUser = currentUser;
		this.stepUp = stepUp;
		this.audit = audit;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
	}

	public ResearchExport request(String purpose) {
		String stated = (purpose != null) ? purpose.strip() : "";
		if (stated.length() < 20 || stated.length() > 2000) {
			throw InvalidInputException.of("purpose",
					"say what the data is for, who will use it and under which approval (20 to 2,000 characters)");
		}
		this.stepUp.require("export de-identified research data");
		UUID id = UUID.randomUUID();
		Instant now = Instant.now(this.clock);
		this.jdbc.sql("""
				insert into reports.research_export (id, purpose, requested_by, requested_at, status)
				values (?, ?, ?, ?, 'QUEUED')""")
			.params(id, stated, this.currentUser.require().id(), Timestamp.from(now))
			.update();
		this.audit.record(AuditEvent.of(AuditAction.EXPORT, RESOURCE, id)
			.detail("de-identified research export requested; purpose: " + stated));
		this.events.publishEvent(new ResearchExportRequested(id));
		return find(id);
	}

	@Transactional(readOnly = true)
	public ResearchExport find(UUID id) {
		return this.jdbc.sql("""
				select id, purpose, requested_at, status, started_at, finished_at, patients, row_counts, file_sha256,
				       (file is not null) as has_file, error
				from reports.research_export where id = ?""")
			.param(id)
			.query((rs, n) -> map(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException(RESOURCE, id));
	}

	/** The ZIP, audited as an export; refused once done but removed, or not yet done. */
	public byte[] file(UUID id) {
		ResearchExport export = find(id);
		if (!"DONE".equals(export.status())) {
			throw new org.kapclinic.shared.RuleViolationException("The export has no file yet.",
					java.util.List.of("the export is " + export.status().toLowerCase(java.util.Locale.ROOT)
							+ ": ask for its status until it is done"));
		}
		if (export.file() == null
				|| export.finishedAt().plus(this.settings.exportRetention()).isBefore(Instant.now(this.clock))) {
			throw new org.kapclinic.shared.RuleViolationException("The export's file is no longer kept.",
					java.util.List.of("files are kept for kap.reports.export-retention: request a new export"));
		}
		byte[] file = this.jdbc.sql("select file from reports.research_export where id = ?")
			.param(id)
			.query(byte[].class)
			.single();
		this.audit.record(AuditEvent.of(AuditAction.EXPORT, RESOURCE, id)
			.detail("de-identified research export downloaded: " + export.patients() + " patients, sha256 "
					+ export.fileSha256()));
		return file;
	}

	private ResearchExport map(ResultSet rs) throws SQLException {
		String rows = rs.getString("row_counts");
		UUID id = rs.getObject("id", UUID.class);
		return new ResearchExport(id, rs.getString("purpose"), instant(rs, "requested_at"), rs.getString("status"),
				instant(rs, "started_at"), instant(rs, "finished_at"), (Integer) rs.getObject("patients"),
				(rows != null) ? this.json.readValue(rows, new TypeReference<Map<String, Integer>>() {
				}) : null, rs.getString("file_sha256"),
				rs.getBoolean("has_file") ? "/api/v1/exports/research/" + id + "/file" : null, rs.getString("error"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
