package org.kapclinic.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.kapclinic.audit.AuditQueries.AuditFilter;
import org.kapclinic.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail read by other modules (the FHIR server's AuditEvent): the same entries
 * the administrators' audit pages show, under the same rule (ADMIN) and audited the same
 * way, as a read of the audit trail. A backend service reads it only when its token
 * carries {@link #READER_AUTHORITY}, given for a scope that names AuditEvent itself.
 */
@Service
public class AuditLog {

	/**
	 * The authority of a non-staff principal allowed to read the trail (a backend service
	 * granted a scope that names the audit trail explicitly).
	 */
	public static final String READER_AUTHORITY = "AUDIT_READER";

	private final JdbcClient jdbc;

	private final AuditQueries queries;

	private final AuditTrail trail;

	AuditLog(JdbcClient jdbc, AuditQueries queries, AuditTrail trail) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.trail = trail;
	}

	/** One entry by its position in the trail; 404 when there is none. */
	@PreAuthorize("hasRole('ADMIN') or hasAuthority('" + READER_AUTHORITY + "')")
	@Transactional(readOnly = true)
	public AuditEntry entry(long id) {
		AuditEntry entry = this.jdbc.sql("select " + AuditRows.COLUMNS + " from audit.entry e where e.id = ?")
			.param(id)
			.query((rs, n) -> AuditRows.map(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("AuditEntry", id));
		this.trail.record(AuditEvent.of(AuditAction.READ, "AuditTrail", id)
			.patient(entry.patientId())
			.category(DataCategory.SECURITY));
		return entry;
	}

	/**
	 * Entries newest first, from {@code offset}: the patient's (their own and the lists
	 * that showed them), by the actor (username), in {@code [from, to)}; each filter
	 * optional.
	 */
	@PreAuthorize("hasRole('ADMIN') or hasAuthority('" + READER_AUTHORITY + "')")
	@Transactional(readOnly = true)
	public List<AuditEntry> search(UUID patientId, String actorName, Instant from, Instant to, int offset, int limit) {
		AuditFilter filter = new AuditFilter((patientId != null) ? List.of(patientId) : List.of(), patientId != null,
				null, actorName, null, null, from, to, AuditSort.NEWEST);
		List<AuditEntry> entries = this.queries.select(filter, limit, offset);
		this.trail.record(AuditEvent.of(AuditAction.QUERY, "AuditTrail", null)
			.patient(filter.patientIds().size() == 1 ? filter.patientIds().get(0) : null)
			.category(DataCategory.SECURITY)
			.detail(filter + " results=" + entries.size()));
		return entries;
	}

}
