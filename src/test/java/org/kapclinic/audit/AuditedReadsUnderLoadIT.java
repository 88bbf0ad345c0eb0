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
 * A read audits what it read and waits for that row's commit while its transaction holds
 * a pooled connection. With more such reads at once than the pool has connections, the
 * audit writer found none to commit with and every read waited out the pool's 30-second
 * timeout, then failed (the same starvation answered 20 parallel fund decisions "too
 * busy" in CI). The pool now keeps connections for the writers.
 */
class AuditedReadsUnderLoadIT extends IntegrationTest {

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	AuditTrail audit;

	@Autowired
	DataSource dataSource;

	@Test
	void twiceAsManyAuditedReadsAsThePoolHasConnectionsAllFinishAudited() throws Exception {
		int poolSize = this.dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
		int readers = 2 * poolSize;
		String run = UUID.randomUUID().toString();
		TransactionTemplate readOnly = new TransactionTemplate(this.transactions);
		readOnly.setReadOnly(true);
		ExecutorService pool = Executors.newFixedThreadPool(readers);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> reads = new ArrayList<>();
		for (int i = 0; i < readers; i++) {
			String resource = run + "-" + i;
			reads.add(pool.submit(() -> {
				start.await();
				readOnly.executeWithoutResult((status) -> {
					this.jdbc.sql("select 1").query(Integer.class).single();
					// Hold the connection while the others take theirs.
					sleep(200);
					this.audit.record(AuditEvent.of(AuditAction.READ, "PoolProbe", resource));
				});
				return null;
			}));
		}
		start.countDown();
		try {
			for (Future<?> read : reads) {
				// Far below the pool's 30 s timeout that a starved writer waits out.
				read.get(20, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc
			.sql("select count(*) from audit.entry where resource_type = 'PoolProbe' and resource_id like ?")
			.param(run + "-%")
			.query(Integer.class)
			.single()).isEqualTo(readers);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
