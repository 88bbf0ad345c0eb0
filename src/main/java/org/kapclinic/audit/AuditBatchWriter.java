package org.kapclinic.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits audit rows that are not part of a write: reads, searches and refusals. Callers
 * wait until their row is committed, so nothing is disclosed without a durable audit row;
 * rows arriving together share one transaction (group commit), so a busy clinic pays one
 * commit per batch instead of one per read.
 */
@Component
class AuditBatchWriter implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AuditBatchWriter.class);

	private static final int MAX_BATCH = 500;

	private static final long WAIT_SECONDS = 10;

	private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(50_000);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Thread writer;

	private volatile boolean running = true;

	AuditBatchWriter(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.writer = new Thread(this::run, "audit-writer");
		this.writer.setDaemon(true);
		this.writer.start();
	}

	/** Appends the row and returns once it is committed; throws if it could not be. */
	void appendAndWait(Object[] row) {
		Pending pending = new Pending(row, new CompletableFuture<>());
		try {
			if (!this.queue.offer(pending, WAIT_SECONDS, TimeUnit.SECONDS)) {
				throw new IllegalStateException("The audit trail is not keeping up; refusing to proceed unaudited");
			}
			pending.done().get(WAIT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while writing the audit trail", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not write the audit trail; refusing to proceed unaudited", ex);
		}
	}

	private void run() {
		List<Pending> batch = new ArrayList<>(MAX_BATCH);
		while (this.running || !this.queue.isEmpty()) {
			try {
				Pending first = this.queue.poll(1, TimeUnit.SECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, MAX_BATCH - 1);
				write(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			finally {
				batch.clear();
			}
		}
	}

	private void write(List<Pending> batch) {
		try {
			this.transactions.executeWithoutResult((status) -> this.jdbc.batchUpdate(AuditTrail.INSERT_POSITIONAL,
					batch.stream().map(Pending::row).toList()));
			batch.forEach((pending) -> pending.done().complete(null));
		}
		catch (RuntimeException ex) {
			log.error("Writing {} audit rows failed; their requests are refused", batch.size(), ex);
			batch.forEach((pending) -> pending.done().completeExceptionally(ex));
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		this.running = false;
		this.writer.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
	}

	private record Pending(Object[] row, CompletableFuture<Void> done) {
	}

}
