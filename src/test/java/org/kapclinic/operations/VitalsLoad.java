package org.kapclinic.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.dosing.DosingSteps;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nurses' monitors posting readings as fast as they are answered, for the operations
 * tests: which readings were acknowledged (201, with their ids), how many were refused,
 * and when the first one sent after a moment was acknowledged again.
 */
final class VitalsLoad implements AutoCloseable {

	private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

	private final AtomicInteger refused = new AtomicInteger();

	private final AtomicInteger serverErrors = new AtomicInteger();

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final AtomicReference<Instant> watchFrom = new AtomicReference<>();

	private final AtomicReference<Instant> backAt = new AtomicReference<>();

	private final ExecutorService clients;

	VitalsLoad(DosingSteps steps, List<String> sessions, String nurse, int clientCount) {
		this.clients = Executors.newFixedThreadPool(clientCount);
		for (int client = 0; client < clientCount; client++) {
			String session = sessions.get(client % sessions.size());
			this.clients.submit(() -> post(steps, session, nurse));
		}
	}

	private Void post(DosingSteps steps, String session, String nurse) {
		int reading = 0;
		while (this.running.get()) {
			reading++;
			Instant sent = Instant.now();
			Response written;
			try {
				written = steps.vitals(session, 110 + reading % 40, 75, 70, 98, 14, null, nurse);
			}
			catch (IllegalStateException ex) {
				// No answer at all (the app is gone): not acknowledged.
				this.refused.incrementAndGet();
				continue;
			}
			if (written.status() != 201) {
				this.refused.incrementAndGet();
				if (written.status() >= 500) {
					this.serverErrors.incrementAndGet();
				}
				continue;
			}
			this.acknowledged.add(written.json().get("id").asString());
			Instant from = this.watchFrom.get();
			if (from != null && sent.isAfter(from)) {
				this.backAt.compareAndSet(null, Instant.now());
			}
		}
		return null;
	}

	/** From now on, note when a reading sent after this moment is first acknowledged. */
	void watchFrom(Instant moment) {
		this.watchFrom.set(moment);
	}

	/**
	 * When a reading sent after {@link #watchFrom} was first acknowledged, waiting up to
	 * the limit; null if none was.
	 */
	Instant awaitAcknowledgedAgain(Duration limit) {
		Instant deadline = Instant.now().plus(limit);
		while (this.backAt.get() == null && Instant.now().isBefore(deadline)) {
			sleep(Duration.ofMillis(50));
		}
		return this.backAt.get();
	}

	Set<String> acknowledged() {
		return Set.copyOf(this.acknowledged);
	}

	int refused() {
		return this.refused.get();
	}

	/** Answers of 500 and above: a request taken and then failed. */
	int serverErrors() {
		return this.serverErrors.get();
	}

	void awaitAcknowledged(int count, Duration limit) {
		Instant deadline = Instant.now().plus(limit);
		while (this.acknowledged.size() < count && Instant.now().isBefore(deadline)) {
			sleep(Duration.ofMillis(50));
		}
		assertThat(this.acknowledged.size()).as("readings acknowledged under load").isGreaterThanOrEqualTo(count);
	}

	@Override
	public void close() throws InterruptedException {
		this.running.set(false);
		this.clients.shutdown();
		assertThat(this.clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
	}

	private static void sleep(Duration duration) {
		org.kapclinic.AppProcess.sleep(duration);
	}

}
