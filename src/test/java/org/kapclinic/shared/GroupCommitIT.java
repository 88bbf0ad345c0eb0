package org.kapclinic.shared;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.kapclinic.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Group commit on the real database: items that arrive together share a transaction. */
class GroupCommitIT extends IntegrationTest {

	private static final int BLOCKER = -1;

	private static final int POISON = 13;

	@Autowired
	private JdbcTemplate template;

	@Autowired
	private PlatformTransactionManager transactions;

	private final CountDownLatch writing = new CountDownLatch(1);

	private final CountDownLatch release = new CountDownLatch(1);

	private final ExecutorService callers = Executors.newFixedThreadPool(12);

	private String table;

	private GroupCommit<Integer> commits;

	private Consumer<List<Integer>> writer;

	@BeforeEach
	void probeTable() {
		this.table = "public.group_commit_probe_" + System.nanoTime();
		// As the owner (the application role creates no tables), for the application
		// role.
		new org.springframework.transaction.support.TransactionTemplate(this.transactions).executeWithoutResult((s) -> {
			this.template.execute("set local role none");
			this.template.execute(
					"create table " + this.table + " (item int not null, tx bigint not null default txid_current())");
			this.template.execute("grant select, insert on " + this.table + " to public");
		});
		this.writer = (items) -> {
			if (items.contains(BLOCKER)) {
				this.writing.countDown();
				await(this.release);
			}
			if (items.contains(POISON)) {
				throw new IllegalArgumentException("item 13 is refused");
			}
			this.template.batchUpdate("insert into " + this.table + " (item) values (?)",
					items.stream().map((i) -> new Object[] { i }).toList());
		};
		this.commits = new GroupCommit<>("probe-writer", 100, this.transactions, this.writer);
	}

	@AfterEach
	void stop() throws InterruptedException {
		this.release.countDown();
		this.callers.shutdownNow();
		this.commits.close();
	}

	@Test
	void itemsQueuedWhileABatchIsWrittenShareTheNextCommit() throws Exception {
		List<Future<?>> calls = queueBehindABlockedBatch(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
		for (Future<?> call : calls) {
			call.get(10, TimeUnit.SECONDS);
		}
		assertThat(this.template.queryForObject("select count(*) from " + this.table, Long.class)).isEqualTo(11);
		assertThat(this.template.queryForObject("select count(distinct tx) from " + this.table + " where item > 0",
				Long.class))
			.as("the ten queued items were committed together")
			.isEqualTo(1);
	}

	@Test
	void aFailingItemFailsOnlyItsOwnCaller() throws Exception {
		List<Future<?>> calls = queueBehindABlockedBatch(List.of(11, 12, POISON, 14));
		for (int i = 1; i < calls.size(); i++) {
			Future<?> call = calls.get(i);
			if (i == 3) {
				assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("item 13 is refused");
			}
			else {
				call.get(10, TimeUnit.SECONDS);
			}
		}
		assertThat(this.template.queryForList("select item from " + this.table + " where item > 0 order by item",
				Integer.class))
			.containsExactly(11, 12, 14);
	}

	@Test
	void aCallerThatGivesUpIsToldTheTruthAboutItsItem() throws Exception {
		this.commits.close();
		this.commits = new GroupCommit<>("probe-writer", 100, this.transactions, this.writer, Duration.ofMillis(300));
		Future<?> beingWritten = this.callers.submit(() -> this.commits.submitAndWait(BLOCKER));
		assertThat(this.writing.await(10, TimeUnit.SECONDS)).isTrue();
		Future<?> stillQueued = this.callers.submit(() -> this.commits.submitAndWait(21));

		assertThatThrownBy(() -> stillQueued.get(10, TimeUnit.SECONDS))
			.hasCauseInstanceOf(TemporarilyUnavailableException.class)
			.hasMessageContaining("nothing was saved");
		assertThat(beingWritten.isDone()).as("an item being written waits for its outcome past the wait").isFalse();
		this.release.countDown();
		beingWritten.get(10, TimeUnit.SECONDS);
		Thread.sleep(500);
		assertThat(this.template.queryForList("select item from " + this.table + " order by item", Integer.class))
			.as("the withdrawn item is never written")
			.containsExactly(BLOCKER);
	}

	/** Starts a batch that blocks, queues the items behind it, then lets it finish. */
	private List<Future<?>> queueBehindABlockedBatch(List<Integer> items) throws Exception {
		List<Future<?>> calls = new ArrayList<>();
		calls.add(this.callers.submit(() -> this.commits.submitAndWait(BLOCKER)));
		assertThat(this.writing.await(10, TimeUnit.SECONDS)).isTrue();
		for (Integer item : items) {
			calls.add(this.callers.submit(() -> this.commits.submitAndWait(item)));
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (this.commits.queued() < items.size() && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		assertThat(this.commits.queued()).isEqualTo(items.size());
		this.release.countDown();
		return calls;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
