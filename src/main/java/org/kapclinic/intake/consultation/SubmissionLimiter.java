package org.kapclinic.intake.consultation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Per-address rate limit of the public form (token buckets, Bucket4j). In memory: each
 * app instance limits on its own, which bounds abuse without shared state.
 */
@Component
class SubmissionLimiter {

	private static final int MAX_TRACKED = 100_000;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final ConsultationSettings settings;

	SubmissionLimiter(ConsultationSettings settings) {
		this.settings = settings;
	}

	/** Whether one more submission from this address is allowed now. */
	boolean tryAcquire(String address) {
		if (this.buckets.size() > MAX_TRACKED) {
			this.buckets.clear();
		}
		return this.buckets.computeIfAbsent((address != null) ? address : "unknown", (key) -> newBucket())
			.tryConsume(1);
	}

	/** Forgets addresses once their window has passed, so the map stays small. */
	@Scheduled(fixedDelayString = "PT10M")
	void forgetQuietAddresses() {
		this.buckets.entrySet()
			.removeIf((entry) -> entry.getValue().getAvailableTokens() >= this.settings.submissionsPerAddress());
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(this.settings.submissionsPerAddress())
				.refillIntervally(this.settings.submissionsPerAddress(), this.settings.window())
				.build())
			.build();
	}

}
