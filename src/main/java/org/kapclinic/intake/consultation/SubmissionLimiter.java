package org.kapclinic.intake.consultation;

import org.kapclinic.shared.AddressRateLimiter;
import org.springframework.stereotype.Component;

/**
 * Rate limits of the public consultation form: per client address
 * ({@code kap.consultation.submissions-per-address}) and for all addresses together
 * ({@code kap.consultation.submissions-per-window}), per window
 * ({@link AddressRateLimiter}).
 */
@Component
class SubmissionLimiter {

	private final AddressRateLimiter limiter;

	SubmissionLimiter(ConsultationSettings settings) {
		this.limiter = new AddressRateLimiter(settings.submissionsPerAddress(), settings.submissionsPerWindow(),
				settings.window());
	}

	/** Whether one more submission from this address is allowed now. */
	boolean tryAcquire(String address) {
		return this.limiter.tryAcquire(address);
	}

	/** The address as counted ({@link AddressRateLimiter#key}). */
	static String key(String address) {
		return AddressRateLimiter.key(address);
	}

}
