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

	AuditVerifier(DataSource dataSource, PlatformTransactionManager transactions) {
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(2000);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	ChainVerification verify() {
		return this.readOnly.execute((status) -> {
			Walk walk = new Walk();
			// A cursor (fetch size within a transaction) keeps memory flat on millions of
			// rows.
			this.streaming.query(
					"select s.entry_id as sealed_id, s.hash, " + AuditRows.COLUMNS
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

	private static final class Walk implements RowCallbackHandler {

		private String previous = ChainHash.GENESIS;

		private long checked;

		private Long firstBroken;

		@Override
		public void processRow(ResultSet rs) throws SQLException {
			long sealedId = rs.getLong("sealed_id");
			String storedHash = rs.getString("hash");
			this.checked++;
			if (this.firstBroken == null) {
				boolean entryMissing = rs.getObject("id") == null;
				if (entryMissing || !ChainHash.next(this.previous, AuditRows.map(rs)).equals(storedHash)) {
					this.firstBroken = sealedId;
				}
			}
			this.previous = storedHash;
		}

	}

}
