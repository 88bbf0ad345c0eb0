package org.kapclinic.audit;

import org.kapclinic.shared.GroupCommit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Commits audit rows that are not part of a write: reads, searches and refusals. Callers
 * wait until their row is committed, so nothing is disclosed without a durable audit row;
 * rows arriving together share one transaction ({@link GroupCommit}), so a busy clinic
 * pays one commit per batch instead of one per read.
 */
@Component
class AuditBatchWriter implements DisposableBean {

	private static final int MAX_BATCH = 500;

	private final GroupCommit<Object[]> commits;

	AuditBatchWriter(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.commits = new GroupCommit<>("audit-writer", MAX_BATCH, transactions,
				(rows) -> jdbc.batchUpdate(AuditTrail.INSERT_POSITIONAL, rows));
	}

	/** Appends the row and returns once it is committed; throws if it could not be. */
	void appendAndWait(Object[] row) {
		try {
			this.commits.submitAndWait(row);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Could not write the audit trail; refusing to proceed unaudited", ex);
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		this.commits.close();
	}

}
