package org.kapclinic.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes items that arrive together in one transaction, and returns to each caller only
 * once its item is committed: many concurrent writers share one commit (and one flush to
 * disk) instead of paying one each, and nobody is told "saved" before it is durable.
 *
 * <p>
 * One writer thread takes whatever is queued (up to a batch) and hands it to the batch
 * writer inside a fresh transaction. If the batch fails, each of its items is written
 * again alone, so one bad item fails only its own caller. Items must therefore be
 * complete and validated before they are submitted: the batch writer only stores them.
 *
 * @param <T> one caller's item
 */
public final class GroupCommit<T> implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

	private static final long WAIT_SECONDS = 10;

	private final String name;

	private final int maxBatch;

	private final Consumer<List<T>> batchWriter;

	private final TransactionTemplate transactions;

	private final BlockingQueue<Pending<T>> queue = new LinkedBlockingQueue<>(50_000);

	private final Thread writer;

	private volatile boolean running = true;

	/**
	 * Starts the writer thread.
	 * @param name names the thread and the log lines
	 * @param maxBatch the most items in one transaction
	 * @param transactions where the batch's transaction comes from
	 * @param batchWriter stores a batch; runs inside the transaction, on the writer
	 * thread (no request or security context)
	 */
	public GroupCommit(String name, int maxBatch, PlatformTransactionManager transactions,
			Consumer<List<T>> batchWriter) {
		this.name = name;
		this.maxBatch = maxBatch;
		this.batchWriter = batchWriter;
		this.transactions = new TransactionTemplate(transactions);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.writer = new Thread(this::run, name);
		this.writer.setDaemon(true);
		this.writer.start();
	}

	/**
	 * Queues the item and returns once it is committed; throws what writing it threw, or
	 * {@link IllegalStateException} if it could not be written in time.
	 */
	public void submitAndWait(T item) {
		Pending<T> pending = new Pending<>(item, new CompletableFuture<>());
		try {
			if (!this.running || !this.queue.offer(pending, WAIT_SECONDS, TimeUnit.SECONDS)) {
				throw new IllegalStateException(this.name + " is not accepting writes; nothing was saved");
			}
			pending.done().get(WAIT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while " + this.name + " was writing", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(this.name + " could not write", ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException(this.name + " did not confirm the write in time", ex);
		}
	}

	/** Items waiting for the writer (for tests). */
	int queued() {
		return this.queue.size();
	}

	private void run() {
		List<Pending<T>> batch = new ArrayList<>(this.maxBatch);
		while (this.running || !this.queue.isEmpty()) {
			try {
				Pending<T> first = this.queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, this.maxBatch - 1);
				write(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				// write() completes every future itself; this only keeps the thread
				// alive.
				log.error("{}: unexpected failure", this.name, ex);
			}
			finally {
				batch.clear();
			}
		}
	}

	private void write(List<Pending<T>> batch) {
		try {
			this.transactions
				.executeWithoutResult((status) -> this.batchWriter.accept(batch.stream().map(Pending::item).toList()));
			batch.forEach((pending) -> pending.done().complete(null));
		}
		catch (RuntimeException | Error ex) {
			if (batch.size() == 1) {
				batch.get(0).done().completeExceptionally(ex);
				return;
			}
			log.warn("{}: a batch of {} failed ({}); writing each alone", this.name, batch.size(), ex.toString());
			for (Pending<T> pending : batch) {
				write(List.of(pending));
			}
		}
	}

	/** Stops taking items, writes what is queued, and waits for the writer to finish. */
	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.writer.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
	}

	private record Pending<T>(T item, CompletableFuture<Void> done) {
	}

}
