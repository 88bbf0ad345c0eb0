package org.kapclinic.shared;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * <p>
 * A caller that waits too long is told the truth: an item the writer has not taken yet is
 * withdrawn (it will never be written) and the caller gets
 * {@link TemporarilyUnavailableException}, safe to retry; an item the writer has taken is
 * being written, so the caller waits for that transaction's outcome instead of reporting
 * "not saved" for what then commits.
 *
 * @param <T> one caller's item
 */
public final class GroupCommit<T> implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

	private static final Duration WAIT = Duration.ofSeconds(30);

	/** How long an item already being written may take before its outcome is unknown. */
	private static final Duration OUTCOME_WAIT = Duration.ofMinutes(2);

	private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	private final String name;

	private final Duration wait;

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
		this(name, maxBatch, transactions, batchWriter, WAIT);
	}

	/** As above, with how long a caller waits for the writer to take its item. */
	GroupCommit(String name, int maxBatch, PlatformTransactionManager transactions, Consumer<List<T>> batchWriter,
			Duration wait) {
		this.name = name;
		this.wait = wait;
		this.maxBatch = maxBatch;
		this.batchWriter = batchWriter;
		this.transactions = new TransactionTemplate(transactions);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.writer = new WriterThread(this::run, name);
		this.writer.setDaemon(true);
		this.writer.start();
	}

	/**
	 * Queues the item and returns once it is committed; throws what writing it threw,
	 * {@link TemporarilyUnavailableException} if it was not written in time (and never
	 * will be), or {@link IllegalStateException} if its write outlasted
	 * {@link #OUTCOME_WAIT} and its outcome is unknown.
	 */
	public void submitAndWait(T item) {
		Pending<T> pending = new Pending<>(item, new CompletableFuture<>(), new AtomicBoolean());
		try {
			if (!this.running || !this.queue.offer(pending, this.wait.toMillis(), TimeUnit.MILLISECONDS)) {
				throw notSaved("is not accepting writes");
			}
			try {
				pending.done().get(this.wait.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException ex) {
				if (pending.taken().compareAndSet(false, true)) {
					throw notSaved("is too busy");
				}
				pending.done().get(OUTCOME_WAIT.toMillis(), TimeUnit.MILLISECONDS);
			}
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
			throw new IllegalStateException(this.name + " did not finish writing in time; the outcome is unknown", ex);
		}
	}

	private TemporarilyUnavailableException notSaved(String why) {
		log.warn("{} {}: a write was withdrawn before it was made", this.name, why);
		return new TemporarilyUnavailableException(
				"The clinic's server was too busy to save this; nothing was saved. Try again in a moment.",
				RETRY_AFTER);
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
				// Callers that gave up have withdrawn their items: never write those.
				batch.removeIf((pending) -> !pending.taken().compareAndSet(false, true));
				if (!batch.isEmpty()) {
					write(batch);
				}
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
		this.writer.join(this.wait.toMillis());
	}

	/**
	 * Whether this is a writer's thread: it takes a database connection without queueing
	 * behind the callers waiting for it ({@link WriterReservingDataSource}).
	 */
	static boolean onWriterThread() {
		return Thread.currentThread() instanceof WriterThread;
	}

	private static final class WriterThread extends Thread {

		WriterThread(Runnable run, String name) {
			super(run, name);
		}

	}

	/**
	 * {@code taken}: set once, by the writer taking it or by its caller withdrawing it.
	 */
	private record Pending<T>(T item, CompletableFuture<Void> done, AtomicBoolean taken) {
	}

}
