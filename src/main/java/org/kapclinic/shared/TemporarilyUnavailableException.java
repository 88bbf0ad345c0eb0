package org.kapclinic.shared;

import java.time.Duration;

/**
 * The request could not be handled in time and nothing of it was saved; answered as 503
 * with Retry-After, so the caller knows that trying again is safe.
 */
public class TemporarilyUnavailableException extends RuntimeException {

	private final Duration retryAfter;

	public TemporarilyUnavailableException(String message, Duration retryAfter) {
		super(message);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
