package org.kapclinic.billing;

import java.util.Map;

/** Billing test data other modules' tests use (the fee schedule of {@link BillingIT}). */
public final class BillingTestData {

	private BillingTestData() {
	}

	/** A fee schedule in force from yesterday, at fictional prices. */
	public static Map<String, Object> schedule() {
		return BillingIT.schedule();
	}

}
