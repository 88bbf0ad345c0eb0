package org.kapclinic.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.kapclinic.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads audited inside read-only transactions while every connection of the application's
 * pool is held by one of them (issue 21: 500 patients' check-ins at once): the audit
 * writer commits from a pool of its own, so each read's row is written and none fails
 * waiting for a connection that its own caller holds.
 */
class AuditWriterPoolIT extends IntegrationTest {

	@Autowired
	private AuditTrail audit;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private PlatformTransactionManager transactions;

	@Test
	void readsAuditedWhileThePoolIsFullAllGetTheirRows() throws Exception {
		int pool = ((HikariDataSource) this.dataSource).getMaximumPoolSize();
		String marker = "pool-full read " + UUID.randomUUID();
		TransactionTemplate readOnly = new TransactionTemplate(this.transactions);
		readOnly.setReadOnly(true);
		CountDownLatch allHolding = new CountDownLatch(pool);
		ExecutorService threads = Executors.newFixedThreadPool(pool);
		List<Future<?>> done = new ArrayList<>();
		try {
			for (int i = 0; i < pool; i++) {
				done.add(threads.submit(() -> readOnly.executeWithoutResult((tx) -> {
					this.jdbc.sql("select 1").query(Integer.class).single();
					allHolding.countDown();
					try {
						allHolding.await(20, TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					this.audit.record(AuditEvent.of(AuditAction.READ, "PoolTest", null).detail(marker));
				})));
			}
			for (Future<?> read : done) {
				read.get(120, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(this.jdbc.sql("select count(*) from audit.entry where detail = ?")
			.param(marker)
			.query(Integer.class)
			.single()).isEqualTo(pool);
	}

}
