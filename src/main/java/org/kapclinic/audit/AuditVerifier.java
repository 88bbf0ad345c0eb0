package org.kapclinic.audit;

import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks the hash chain in seal order and recomputes every link. Detects an edited entry
 * (its hash differs), a deleted entry (its seal points nowhere, or the next link breaks),
 * rows swapped in order, and rows inserted behind the sealer's back (an entry older than
 * the sealed horizon without a seal).
 */
@Component
class AuditVerifier {

	private final JdbcTemplate streaming;

	private final TransactionTemplate readOnly;

	private final ChainHash chain;

	AuditVerifier(DataSource dataSource, PlatformTransactionManager transactions, ChainHash chain) {
		this.chain = chain;
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(2000);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	ChainVerification verify() {
		return this.readOnly.execute((status) -> {
			Walk walk = new Walk(this.chain);
			// A cursor (fetch size within a transaction) keeps memory flat on millions of
			// rows.
			this.streaming.query(
					"select s.entry_id as sealed_id, s.hash, s.keyed, " + AuditRows.COLUMNS
							+ " from audit.seal s left join audit.entry e on e.id = s.entry_id order by s.position",
					walk);
			Long unsealed = this.streaming.query("""
					select min(e.id) from audit.entry e
					where e.tx < (select coalesce(max(sealed_below), 0) from audit.seal)::text::xid8
					  and not exists (select 1 from audit.seal s where s.entry_id = e.id)""",
					(rs) -> rs.next() ? (Long) rs.getObject(1, Long.class) : null);
			Long firstBroken = walk.firstBroken;
			if (firstBroken == null || (unsealed != null && unsealed < firstBroken)) {
				firstBroken = (unsealed != null) ? unsealed : firstBroken;
			}
			return new ChainVerification(firstBroken == null, walk.checked, firstBroken);
		});
	}

	/**
	 * The whole chain, and whether it still holds what the checkpoint recorded: its
	 * signature, its last seal with the same link, and as many seals up to it. Rows
	 * deleted after the checkpoint was written, with their seals, leave a chain that
	 * verifies on its own but not against the checkpoint.
	 */
	ChainVerification verify(AuditCheckpoints.Checkpoint checkpoint, boolean authentic) {
		ChainVerification chain = verify();
		if (!authentic) {
			return chain.against(checkpoint, "checkpoint " + checkpoint.id()
					+ " does not match its signature: it was not written by this clinic's audit key, or was altered");
		}
		return this.readOnly.execute((status) -> {
			String head = this.streaming.query("select hash from audit.seal where position = ? and entry_id = ?",
					(rs) -> rs.next() ? rs.getString(1) : null, checkpoint.lastPosition(), checkpoint.lastEntryId());
			Long upTo = this.streaming.queryForObject("select count(*) from audit.seal where position <= ?", Long.class,
					checkpoint.lastPosition());
			if (head == null || !head.equals(checkpoint.head()) || upTo == null || upTo != checkpoint.entries()) {
				return chain.against(checkpoint,
						"the chain no longer holds what checkpoint " + checkpoint.id() + " of " + checkpoint.createdAt()
								+ " recorded (" + checkpoint.entries() + " sealed entries up to entry "
								+ checkpoint.lastEntryId() + "; now " + upTo
								+ "): rows were removed or rewritten after it was written");
			}
			return chain.against(checkpoint, null);
		});
	}

	private static final class Walk implements RowCallbackHandler {

		private final ChainHash chain;

		private String previous = ChainHash.GENESIS;

		private long checked;

		private Long firstBroken;

		Walk(ChainHash chain) {
			this.chain = chain;
		}

		@Override
		public void processRow(ResultSet rs) throws SQLException {
			long sealedId = rs.getLong("sealed_id");
			String storedHash = rs.getString("hash");
			this.checked++;
			if (this.firstBroken == null) {
				boolean entryMissing = rs.getObject("id") == null;
				if (entryMissing || !link(rs).equals(storedHash)) {
					this.firstBroken = sealedId;
				}
			}
			this.previous = storedHash;
		}

		private String link(ResultSet rs) throws SQLException {
			AuditEntry entry = AuditRows.map(rs);
			return rs.getBoolean("keyed") ? this.chain.next(this.previous, entry)
					: ChainHash.unkeyed(this.previous, entry);
		}

	}

}
