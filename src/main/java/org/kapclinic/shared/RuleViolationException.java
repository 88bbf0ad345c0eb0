package org.kapclinic.shared;

import java.util.List;

/**
 * A well-formed request that a clinical safety rule refuses (for example "eligible"
 * despite an absolute contraindication); answered as 422 with the reasons.
 */
public class RuleViolationException extends RuntimeException {

	private final List<String> reasons;

	public RuleViolationException(String message, List<String> reasons) {
		super(message);
		this.reasons = List.copyOf(reasons);
	}

	public List<String> reasons() {
		return this.reasons;
	}

}
