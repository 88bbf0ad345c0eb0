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

	private final ChainHash chain;

	AuditChainSealer(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions, ChainHash chain) {
		this.chain = chain;
		this.jdbc = jdbc;
		this.template = template;
		this.transactions = new TransactionTemplate(transactions);
	}

	/**
	 * Seals everything finished so far. A backlog larger than a batch is worked through
	 * with the horizon of its first batch held fixed and the batches taken in entry order
	 * after the last one sealed, so each batch reads only its own rows: advancing the
	 * horizon on every batch made each one re-read every row sealed since the window
	 * opened, and a sealer behind by more than a batch under steady writes (the vitals
	 * writer at 5,000 rows/s) fell further behind with every pass.
	 */
	@Scheduled(fixedDelayString = "${kap.audit.seal-interval:200ms}")
	void sealPending() {
		Pass pass = sealBatch(null);
		while (pass != null && !pass.windowDone()) {
			pass = sealBatch(pass);
		}
	}

	/**
	 * Seals up to one batch of finished, unsealed entries: the first of a window when
	 * {@code previous} is null, else the next one of the same window. Returns null when
	 * there was nothing to seal or another instance is sealing.
	 */
	synchronized Pass sealBatch(Pass previous) {
		return this.transactions.execute((status) -> {
			if (!this.jdbc.sql("select pg_try_advisory_xact_lock(?)")
				.param(ADVISORY_LOCK)
				.query(Boolean.class)
				.single()) {
				return null;
			}
			// The window's bounds are known only now: a plan made for any bounds walks
			// the whole table in entry order.
			this.jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
			// A window of a few hundred rows is estimated dear enough for a parallel
			// plan, and starting its worker process took ~40 of the ~45 ms a pass
			// cost, five passes a second under load (pg_stat_statements during issue
			// 22's read benchmark: 85 ms mean, more than all the patient reads).
			this.jdbc.sql("set local max_parallel_workers_per_gather = 0").update();
			long horizon = (previous != null) ? previous.horizon()
					: this.jdbc.sql("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
						.query(Long.class)
						.single();
			LastSeal last = this.jdbc.sql("select hash, sealed_below from audit.seal order by position desc limit 1")
				.query((rs, n) -> new LastSeal(rs.getString("hash"), rs.getLong("sealed_below")))
				.optional()
				.orElse(new LastSeal(ChainHash.GENESIS, 0));
			if (horizon <= last.sealedBelow()) {
				return null;
			}
			List<AuditEntry> entries = this.jdbc.sql("select " + AuditRows.COLUMNS + """
					 from audit.entry e
					where e.tx >= (:from)::text::xid8 and e.tx < (:below)::text::xid8 and e.id > :after
					  and not exists (select 1 from audit.seal s where s.entry_id = e.id)
					order by e.id limit :batch""")
				.param("from", last.sealedBelow())
				.param("below", horizon)
				.param("after", (previous != null) ? previous.lastEntryId() : 0L)
				.param("batch", BATCH)
				.query((rs, n) -> AuditRows.map(rs))
				.list();
			// The horizon only advances once everything below it is sealed.
			boolean windowDone = entries.size() < BATCH;
			long sealedBelow = windowDone ? horizon : last.sealedBelow();
			if (entries.isEmpty()) {
				// An empty window needs no row: the next batch starts from the same
				// place.
				return null;
			}
			List<Object[]> rows = new ArrayList<>(entries.size());
			String previousHash = last.hash();
			for (AuditEntry entry : entries) {
				previousHash = this.chain.next(previousHash, entry);
				rows.add(new Object[] { entry.id(), previousHash, sealedBelow });
			}
			this.template.batchUpdate("insert into audit.seal (entry_id, hash, sealed_below) values (?, ?, ?)", rows);
			return new Pass(horizon, entries.get(entries.size() - 1).id(), windowDone);
		});
	}

	/**
	 * One batch sealed: its window's horizon, the last entry sealed, and whether the
	 * window is done.
	 */
	record Pass(long horizon, long lastEntryId, boolean windowDone) {
	}

	private record LastSeal(String hash, long sealedBelow) {
	}

}
