package org.kapclinic.fund;

import java.time.Instant;
import java.util.UUID;

/**
 * An application to the access fund, with the household's percent of the HHS poverty
 * guidelines and, once decided, the decision.
 *
 * @param povertyPercent income as a percent of the guideline for the household's size,
 * rounded down
 * @param status PENDING, AWARDED or DECLINED
 * @param awardSessions for an award of sessions, how many (null for an amount)
 */
public record FundApplication(UUID id, UUID patientId, String patientName, String mrn, int householdSize,
		long annualIncomeMinor, String annualIncome, String currency, String needStatement, int guidelineYear,
		String guidelineRegion, long guidelineMinor, int povertyPercent, ApplicationStatus status, String statusLabel,
		Instant submittedAt, Long awardMinor, String award, String awardRestriction, Integer awardSessions,
		String decisionReason) {
}
