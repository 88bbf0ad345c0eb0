package org.kapclinic.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.kapclinic.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit trail for administrators ("who looked at this chart"). Viewing the
 * trail is itself audited.
 */
@Service
class AuditQueries {

	private final JdbcClient jdbc;

	private final AuditTrail trail;

	private final AuditVerifier verifier;

	private final AuditChainSealer sealer;

	private final AuditCheckpoints checkpoints;

	AuditQueries(JdbcClient jdbc, AuditTrail trail, AuditVerifier verifier, AuditChainSealer sealer,
			AuditCheckpoints checkpoints) {
		this.checkpoints = checkpoints;
		this.jdbc = jdbc;
		this.trail = trail;
		this.verifier = verifier;
		this.sealer = sealer;
	}

	/** Entries matching every given filter, in the filter's order. */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public List<AuditEntry> find(AuditFilter filter, int page, int size) {
		List<AuditEntry> entries = select(filter, size, (long) page * size);
		this.trail.record(AuditEvent.of(AuditAction.QUERY, "AuditTrail", null)
			.patient(filter.patientIds().size() == 1 ? filter.patientIds().get(0) : null)
			.category(DataCategory.SECURITY)
			.detail(filter.toString()));
		return entries;
	}

	/**
	 * Up to {@code limit} entries for a download, audited as an export (issue 16 finding
	 * 5): the report itself leaves the application.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public List<AuditEntry> export(AuditFilter filter, int limit) {
		List<AuditEntry> entries = select(filter, limit, 0);
		this.trail.record(AuditEvent.of(AuditAction.EXPORT, "AuditTrail", null)
			.patient(filter.patientIds().size() == 1 ? filter.patientIds().get(0) : null)
			.category(DataCategory.SECURITY)
			.detail("CSV of " + entries.size() + " entries: " + filter));
		return entries;
	}

	List<AuditEntry> select(AuditFilter filter, int limit, long offset) {
		StringBuilder where = new StringBuilder(" where true");
		List<Object> params = new ArrayList<>();
		if (filter.patientsSearched() && filter.patientIds().isEmpty()) {
			return List.of();
		}
		if (!filter.patientIds().isEmpty()) {
			// The patient's own entries, and the lists, searches and boards that showed
			// them.
			where.append(" and (e.patient_id = any(?) or e.patient_ids && ?)");
			params.add(filter.patientIds().toArray(UUID[]::new));
			params.add(filter.patientIds().toArray(UUID[]::new));
		}
		if (filter.actorId() != null) {
			where.append(" and e.actor_id = ?");
			params.add(filter.actorId());
		}
		if (filter.actorName() != null && !filter.actorName().isBlank()) {
			where.append(" and lower(e.actor_name) = lower(?)");
			params.add(filter.actorName().strip());
		}
		if (filter.action() != null) {
			where.append(" and e.action = ?");
			params.add(filter.action().name());
		}
		if (filter.category() != null) {
			where.append(" and e.data_category = ?");
			params.add(filter.category().name());
		}
		if (filter.from() != null) {
			where.append(" and e.occurred_at >= ?");
			params.add(java.sql.Timestamp.from(filter.from()));
		}
		if (filter.to() != null) {
			where.append(" and e.occurred_at < ?");
			params.add(java.sql.Timestamp.from(filter.to()));
		}
		params.add(limit);
		params.add(offset);
		return this.jdbc
			.sql("select " + AuditRows.COLUMNS + " from audit.entry e" + where + " order by " + filter.sort().orderBy()
					+ " limit ? offset ?")
			.params(params)
			.query((rs, n) -> AuditRows.map(rs))
			.list();
	}

	/** Seals what is pending, then recomputes the whole chain. */
	@PreAuthorize("hasRole('ADMIN')")
	public ChainVerification verify() {
		this.sealer.sealPending();
		ChainVerification result = this.verifier.verify();
		this.trail.recordIndependently(AuditEvent.of(AuditAction.QUERY, "AuditChain", null)
			.category(DataCategory.SECURITY)
			.detail("verify: " + result));
		return result;
	}

	/**
	 * Seals what is pending, then checks the chain against a checkpoint written outside
	 * the database; an unknown checkpoint is 404.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public ChainVerification verify(UUID checkpointId) {
		AuditCheckpoints.Checkpoint checkpoint = this.checkpoints.find(checkpointId)
			.orElseThrow(() -> new NotFoundException("Checkpoint", checkpointId));
		this.sealer.sealPending();
		ChainVerification result = this.verifier.verify(checkpoint, this.checkpoints.authentic(checkpoint));
		this.trail.recordIndependently(AuditEvent.of(AuditAction.QUERY, "AuditChain", checkpointId)
			.category(DataCategory.SECURITY)
			.detail("verify against checkpoint: " + result));
		return result;
	}

	/** The checkpoints written outside the database, newest first. */
	@PreAuthorize("hasRole('ADMIN')")
	public List<AuditCheckpoints.Checkpoint> checkpoints(int limit) {
		return this.checkpoints.list(limit);
	}

	/**
	 * Optional filters; {@code from} inclusive, {@code to} exclusive.
	 *
	 * @param patientIds the patients whose entries are wanted (empty: any)
	 * @param patientsSearched whether a patient was asked for: then no patient found
	 * means no entries, not every entry
	 * @param actorName who did it, by username
	 */
	public record AuditFilter(List<UUID> patientIds, boolean patientsSearched, UUID actorId, String actorName,
			AuditAction action, DataCategory category, Instant from, Instant to, AuditSort sort) {

		public AuditFilter {
			patientIds = (patientIds == null) ? List.of() : List.copyOf(patientIds);
			sort = (sort == null) ? AuditSort.NEWEST : sort;
		}

		/** The API's filters: one patient, one user by id. */
		public AuditFilter(UUID patientId, UUID actorId, AuditAction action, Instant from, Instant to) {
			this((patientId != null) ? List.of(patientId) : List.of(), patientId != null, actorId, null, action, null,
					from, to, AuditSort.NEWEST);
		}

	}

}
