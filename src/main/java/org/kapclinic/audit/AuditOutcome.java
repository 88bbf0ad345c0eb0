package org.kapclinic.audit;

public enum AuditOutcome {

	SUCCESS,
	/** Refused by an access rule. */
	DENIED,
	/** Attempted but failed (bad credentials, invalid input). */
	FAILURE

}
