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

	/** Entries matching every given filter, newest first. */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public List<AuditEntry> find(AuditFilter filter, int page, int size) {
		StringBuilder where = new StringBuilder(" where true");
		List<Object> params = new ArrayList<>();
		if (filter.patientId() != null) {
			where.append(" and e.patient_id = ?");
			params.add(filter.patientId());
		}
		if (filter.actorId() != null) {
			where.append(" and e.actor_id = ?");
			params.add(filter.actorId());
		}
		if (filter.action() != null) {
			where.append(" and e.action = ?");
			params.add(filter.action().name());
		}
		if (filter.from() != null) {
			where.append(" and e.occurred_at >= ?");
			params.add(java.sql.Timestamp.from(filter.from()));
		}
		if (filter.to() != null) {
			where.append(" and e.occurred_at < ?");
			params.add(java.sql.Timestamp.from(filter.to()));
		}
		params.add(size);
		params.add((long) page * size);
		List<AuditEntry> entries = this.jdbc
			.sql("select " + AuditRows.COLUMNS + " from audit.entry e" + where + " order by e.id desc limit ? offset ?")
			.params(params)
			.query((rs, n) -> AuditRows.map(rs))
			.list();
		this.trail.record(AuditEvent.of(AuditAction.QUERY, "AuditTrail", null)
			.patient(filter.patientId())
			.category(DataCategory.SECURITY)
			.detail(filter.toString()));
		return entries;
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
	 */
	public record AuditFilter(UUID patientId, UUID actorId, AuditAction action, Instant from, Instant to) {
	}

}
