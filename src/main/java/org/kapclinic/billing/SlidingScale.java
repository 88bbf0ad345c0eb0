package org.kapclinic.billing;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A household's sliding-scale assessment: its percent of the HHS poverty guidelines, the
 * tier and discount that gives, the evidence seen, and when it expires.
 *
 * @param tier the clinic's tier name, or "Full fee" above every tier
 */
public record SlidingScale(UUID id, UUID patientId, int householdSize, long annualIncomeMinor, int guidelineYear,
		String guidelineRegion, int povertyPercent, String tier, int discountPercent, String evidence,
		LocalDate assessedOn, LocalDate expiresOn) {
}
