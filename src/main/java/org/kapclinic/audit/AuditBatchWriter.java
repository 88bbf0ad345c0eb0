package org.kapclinic.audit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.kapclinic.shared.GroupCommit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Commits audit rows that are not part of a write: reads, searches and refusals. Callers
 * wait until their row is committed, so nothing is disclosed without a durable audit row;
 * rows arriving together share one transaction ({@link GroupCommit}), so a busy clinic
 * pays one commit per batch instead of one per read.
 *
 * <p>
 * The writer has a small pool of its own (two connections, made as the application's pool
 * makes its own): its callers are often inside a read-only transaction holding one of the
 * application's connections while they wait, and when all of those were held so, a writer
 * drawing from the same pool waited for itself (500 patients' check-ins at once failed
 * that way, issue 21).
 */
@Component
class AuditBatchWriter implements DisposableBean {

	private static final int MAX_BATCH = 500;

	private final GroupCommit<Object[]> commits;

	/** The writer's own pool, or null where the application's could not be copied. */
	private final HikariDataSource ownPool;

	AuditBatchWriter(DataSource dataSource, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.ownPool = ownPool(dataSource);
		JdbcTemplate writer = (this.ownPool != null) ? new JdbcTemplate(this.ownPool) : jdbc;
		PlatformTransactionManager commitsIn = (this.ownPool != null) ? new DataSourceTransactionManager(this.ownPool)
				: transactions;
		this.commits = new GroupCommit<>("audit-writer", MAX_BATCH, commitsIn,
				(rows) -> writer.batchUpdate(AuditTrail.INSERT_POSITIONAL, rows));
	}

	/**
	 * A copy of the application's Hikari pool (URL, user, role set on connect), of two.
	 */
	private static HikariDataSource ownPool(DataSource dataSource) {
		if (!(dataSource instanceof HikariDataSource hikari) || hikari.getJdbcUrl() == null) {
			return null;
		}
		HikariConfig config = new HikariConfig();
		hikari.copyStateTo(config);
		config.setPoolName("audit-writer");
		config.setMaximumPoolSize(2);
		config.setMinimumIdle(1);
		return new HikariDataSource(config);
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
		if (this.ownPool != null) {
			this.ownPool.close();
		}
	}

}
