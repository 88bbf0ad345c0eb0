package org.kapclinic.fund;

import java.util.UUID;

/** What staff send to the access fund's applications (issue 20's contract). */
final class FundApplicationRequests {

	private FundApplicationRequests() {
	}

	/**
	 * An application for help with the cost of care.
	 *
	 * @param annualIncomeMinor the household's yearly income in cents
	 */
	record ApplicationRequest(UUID patientId, Integer householdSize, Long annualIncomeMinor, String currency,
			String needStatement) {
	}

	/**
	 * The committee's decision.
	 *
	 * @param decision AWARDED or DECLINED
	 * @param amountMinor the award in cents (AWARDED only)
	 * @param restriction which money pays it (AWARDED only)
	 * @param sessions for an award of sessions: how many of {@code courseId}'s sessions
	 * it pays for, at most {@code amountMinor} in all (null: an award of an amount)
	 * @param courseId the patient's course whose sessions it pays for (with
	 * {@code sessions})
	 */
	record DecisionRequest(String decision, Long amountMinor, String restriction, String reason, Integer sessions,
			UUID courseId) {
	}

}
