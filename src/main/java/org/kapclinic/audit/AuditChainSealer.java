package org.kapclinic.audit;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chains appended audit entries into the hash chain, in entry order, one batch at a time.
 *
 * <p>
 * Writers append without any lock. The sealer only takes entries whose inserting
 * transaction has finished (older than the snapshot's xmin), so an entry that commits
 * late is sealed in the next batch rather than skipped. A PostgreSQL advisory lock keeps
 * one sealer at a time across app instances.
 */
@Component
class AuditChainSealer {

	private static final long ADVISORY_LOCK = 0x4b4150_41554454L; // "KAP" "AUDT"

	private static final int BATCH = 5000;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TransactionTemplate transactions;

	AuditChainSealer(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.template = template;
		this.transactions = new TransactionTemplate(transactions);
	}

	@Scheduled(fixedDelayString = "${kap.audit.seal-interval:200ms}")
	void sealPending() {
		while (sealBatch() == BATCH) {
			// keep going until the backlog is sealed
		}
	}

	/**
	 * Seals up to one batch of finished, unsealed entries; returns how many it sealed.
	 */
	synchronized int sealBatch() {
		Integer sealed = this.transactions.execute((status) -> {
			if (!this.jdbc.sql("select pg_try_advisory_xact_lock(?)")
				.param(ADVISORY_LOCK)
				.query(Boolean.class)
				.single()) {
				return 0;
			}
			long horizon = this.jdbc.sql("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
				.query(Long.class)
				.single();
			LastSeal last = this.jdbc.sql("select hash, sealed_below from audit.seal order by position desc limit 1")
				.query((rs, n) -> new LastSeal(rs.getString("hash"), rs.getLong("sealed_below")))
				.optional()
				.orElse(new LastSeal(ChainHash.GENESIS, 0));
			if (horizon <= last.sealedBelow()) {
				return 0;
			}
			List<AuditEntry> entries = this.jdbc.sql("select " + AuditRows.COLUMNS + """
					 from audit.entry e
					where e.tx >= (:from)::text::xid8 and e.tx < (:below)::text::xid8
					  and not exists (select 1 from audit.seal s where s.entry_id = e.id)
					order by e.id limit :batch""")
				.param("from", last.sealedBelow())
				.param("below", horizon)
				.param("batch", BATCH)
				.query((rs, n) -> AuditRows.map(rs))
				.list();
			// The horizon only advances once everything below it is sealed.
			long sealedBelow = (entries.size() < BATCH) ? horizon : last.sealedBelow();
			if (entries.isEmpty()) {
				// An empty window needs no row: the next batch starts from the same
				// place.
				return 0;
			}
			List<Object[]> rows = new ArrayList<>(entries.size());
			String previous = last.hash();
			for (AuditEntry entry : entries) {
				previous = ChainHash.next(previous, entry);
				rows.add(new Object[] { entry.id(), previous, sealedBelow });
			}
			this.template.batchUpdate("insert into audit.seal (entry_id, hash, sealed_below) values (?, ?, ?)", rows);
			return entries.size();
		});
		return (sealed != null) ? sealed : 0;
	}

	private record LastSeal(String hash, long sealedBelow) {
	}

}
