package org.kapclinic.shared;

/**
 * The operation needs a fresh second factor (issue 16: user administration, publishing,
 * controlled-substance waste and counts, de-identified exports, break-glass). The API
 * answers 403 with {@code "stepUpRequired": true}; a page asks for a code and comes back.
 */
public class StepUpRequiredException extends RuntimeException {

	public StepUpRequiredException(String message) {
		super(message);
	}

}
